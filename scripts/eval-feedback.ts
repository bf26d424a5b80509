// npm run eval:feedback [-- --show]
// Evaluates fixture answers of known quality (strong, real, vague, non-answer, gibberish,
// too short, off-topic, keyword stuffing, STAR labels) for the fixture profiles and reports:
// the class each got against the class expected, the scores in order, whether every
// evidence span is a real piece of its answer, and the time per evaluation. Always for the
// offline evaluator; also for the configured model when LLM_PROVIDER=openai is set.

import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../src/config.js';
import {
  createAnswerEvaluator,
  isValidSpan,
  type AnswerEvaluator,
  type Evaluation,
} from '../src/llm/feedback/index.js';
import { createOfflineEvaluator } from '../src/llm/feedback/offline-evaluator.js';
import {
  EXPECTED_CLASS,
  FEEDBACK_CASES,
  inputFor,
  type AnswerKind,
} from '../test/fixtures/feedback-answers.js';

const { values: args } = parseArgs({ options: { show: { type: 'boolean', default: false } } });
const KINDS: AnswerKind[] = [
  'strong',
  'real',
  'vague',
  'non_answer',
  'gibberish',
  'too_short',
  'off_topic',
  'keyword_stuffing',
  'star_labels',
];

interface Cell {
  evaluation: Evaluation | null;
  error: string | null;
  ms: number;
}

async function run(evaluator: AnswerEvaluator, timeoutMs: number) {
  await evaluator.prepare();
  const table = new Map<string, Map<AnswerKind, Cell>>();
  for (const c of FEEDBACK_CASES) {
    const row = new Map<AnswerKind, Cell>();
    for (const { kind, answer } of c.answers) {
      const started = performance.now();
      try {
        const evaluation = await evaluator.evaluate(inputFor(c, answer), {
          signal: AbortSignal.timeout(timeoutMs),
        });
        row.set(kind, { evaluation, error: null, ms: performance.now() - started });
        if (args.show)
          console.log(
            `\n${c.profile.id} / ${kind}: ${evaluation.summary}\n${evaluation.exampleAnswer ?? ''}`,
          );
      } catch (err) {
        row.set(kind, {
          evaluation: null,
          error: (err as Error).message,
          ms: performance.now() - started,
        });
      }
    }
    table.set(c.profile.id, row);
  }
  return table;
}

function report(name: string, table: Awaited<ReturnType<typeof run>>): boolean {
  console.log(
    `\n${name}: score (class) per answer kind; "-" not scored, "!" wrong class, "x" failed`,
  );
  console.log(['profile'.padEnd(18), ...KINDS.map((k) => k.padEnd(11))].join(' '));
  let spans = 0;
  let badSpans = 0;
  let classesRight = 0;
  let classesChecked = 0;
  let ordered = 0;
  const times: number[] = [];
  for (const c of FEEDBACK_CASES) {
    const row = table.get(c.profile.id)!;
    const cells = KINDS.map((kind) => {
      const cell = row.get(kind);
      if (!cell) return ''.padEnd(11);
      times.push(cell.ms);
      const e = cell.evaluation;
      if (!e) return 'x'.padEnd(11);
      const answer = c.answers.find((a) => a.kind === kind)!.answer;
      for (const s of [
        ...e.criteria.flatMap((x) => x.evidence),
        ...e.strengths.flatMap((x) => x.evidence),
      ]) {
        spans += 1;
        if (!isValidSpan(answer, s)) badSpans += 1;
      }
      const expected = EXPECTED_CLASS[kind];
      const wrong = expected !== undefined && expected !== e.answerClass;
      if (expected) {
        classesChecked += 1;
        if (!wrong) classesRight += 1;
      }
      return `${e.score ?? '-'}${wrong ? '!' : ''} ${e.answerClass.slice(0, 6)}`.padEnd(11);
    });
    const score = (k: AnswerKind) => row.get(k)?.evaluation?.score ?? -1;
    const real = row.has('real') ? score('real') : null;
    const gamed = Math.max(score('keyword_stuffing'), score('star_labels'));
    const inOrder =
      (real === null
        ? score('strong') > score('vague')
        : score('strong') > real && real > score('vague')) && gamed < score('vague') + 5;
    if (inOrder) ordered += 1;
    console.log(
      [c.profile.id.padEnd(18), ...cells].join(' '),
      inOrder ? 'order ok' : 'ORDER WRONG',
    );
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  console.log(
    `classes ${classesRight}/${classesChecked} as expected; score order right for ${ordered}/${FEEDBACK_CASES.length} profiles; ` +
      `spans ${spans - badSpans}/${spans} verified; time per evaluation median ${median.toFixed(1)} ms, max ${(times.at(-1) ?? 0).toFixed(1)} ms`,
  );
  return badSpans === 0;
}

const offline = createOfflineEvaluator();
await run(offline, 10_000); // a warm-up pass: the times below are of a warmed-up process
let ok = report('offline', await run(offline, 10_000));
let config;
try {
  config = loadConfig(process.env);
} catch (err) {
  if (err instanceof ConfigError) console.error(err.message);
  else throw err;
}
if (config?.llm.provider === 'openai') {
  const model = createAnswerEvaluator(config.llm);
  ok = report(model.name, await run(model, config.llm.timeoutMs)) && ok;
}
process.exitCode = ok ? 0 : 1;
