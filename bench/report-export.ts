// npx tsx bench/report-export.ts: how long the report downloads take to render, on the
// calling thread (what a render would hold the event loop for) and through the PDF thread.
// A full report (8 questions, one retried, long answers, full feedback) and the largest one a
// session can hold (100 questions, 5 attempts of 20,000 characters each).
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { FeedbackRow, ReportRow } from '../src/modules/feedback/feedback.repository.js';
import {
  buildReportDocument,
  type ReportDocument,
  type ReportSource,
} from '../src/modules/feedback/report-export/report-document.js';
import { renderReportMarkdown } from '../src/modules/feedback/report-export/report-markdown.js';
import { toPdfInput } from '../src/modules/feedback/report-export/report-pdf-input.js';
import { createReportRenderer } from '../src/modules/feedback/report-export/report-renderer.js';
import { renderReportPdf } from '../src/modules/feedback/report-export/report-pdf.js';

const SENTENCES = [
  'When José asked me to lead the Zürich migration in 2023, I was the newest engineer on the team.',
  'I profiled the slow queries in PostgreSQL, added two indexes and moved the retries into a queue.',
  'I also wrote a load test and ran it every night against a copy of production.',
  'As a result, p99 latency fell from 900 ms to 120 ms and the holiday peak passed without an incident.',
];

function answer(chars: number): string {
  let text = '';
  for (let i = 0; text.length < chars; i += 1) text += `${SENTENCES[i % SENTENCES.length]} `;
  return text.slice(0, chars).trim();
}

function feedbackFor(id: string, questionId: string, content: string, seq: number): FeedbackRow {
  const span = (quote: string) => ({ quote, start: 0, end: quote.length });
  const keys = ['relevance', 'structure', 'specificity', 'ownership', 'impact'] as const;
  return {
    id: `f-${id}`,
    seq,
    session_id: 's',
    question_message_id: questionId,
    answer_message_id: id,
    status: 'scored',
    answer_class: 'substantive',
    score: 78,
    rating: 'solid',
    summary: '78/100 from the levels of 5 criteria. Strong on relevance and the result.',
    criteria: keys.map((key) => ({
      key,
      level: 2,
      comment: `The ${key} of the answer, judged from the sentences quoted below.`,
      evidence: SENTENCES.slice(0, 2).map(span),
    })),
    strengths: keys.map((key) => ({
      text: `A strength in ${key}.`,
      evidence: [span(SENTENCES[3]!)],
    })),
    improvements: [{ text: 'Say what you learned.' }, { text: 'Name the team size.' }],
    requirement: { text: 'PostgreSQL', status: 'demonstrated' },
    example_answer: null,
    generator: 'offline',
    rubric_version: 1,
    created_at: new Date(),
  } as FeedbackRow;
}

function source(questions: number, attempts: number, chars: number): ReportSource {
  const qs: ReportSource['questions'] = [];
  const feedback: FeedbackRow[] = [];
  for (let q = 0; q < questions; q += 1) {
    const answers = Array.from({ length: q === 0 ? Math.max(attempts, 2) : attempts }, (_, a) => ({
      id: `a-${q}-${a}`,
      content: answer(chars),
      created_at: new Date(),
    }));
    qs.push({
      id: `q-${q}`,
      content: `Question ${q + 1}: how did you make the slow service in Zürich fast again, and what did you measure?`,
      question_type: 'technical',
      requirement: 'PostgreSQL',
      answers,
    });
    for (const a of answers) feedback.push(feedbackFor(a.id, `q-${q}`, a.content, feedback.length));
  }
  const report = {
    id: 'r',
    session_id: 's',
    questions,
    answered: questions,
    scored: questions,
    overall_score: 78,
    rating: 'solid',
    summary: `${questions} of ${questions} questions answered, ${questions} scored. Overall 78/100 (solid).`,
    criteria: ['relevance', 'structure', 'specificity', 'ownership', 'impact'].map((key) => ({
      key,
      mean_level: 2,
      n: questions,
    })),
    requirements: ['PostgreSQL', 'queues', 'TypeScript', 'owning our order service'].map(
      (text) => ({
        text,
        status: 'mentioned',
      }),
    ),
    strengths: [],
    improvements: [],
    practice_next: [{ requirement: 'queues', reason: 'You named it but did not show it.' }],
    generator: 'offline',
    rubric_version: 1,
    created_at: new Date(),
  } as ReportRow;
  return {
    report,
    posting: { title: 'Ingénieur backend', company: 'Café Zürich AG' },
    questions: qs,
    feedback,
  };
}

/** The longest the event loop waited while fn ran (what other requests would wait). */
async function loopHeld(fn: () => Promise<unknown>): Promise<number> {
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  await fn();
  h.disable();
  return h.max / 1e6;
}

async function time(runs: number, fn: () => unknown): Promise<{ median: number; max: number }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, max: times.at(-1)! };
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

async function measure(label: string, doc: ReportDocument, runs: number) {
  const pdf = await renderReportPdf(toPdfInput(doc));
  const md = renderReportMarkdown(doc);
  // On the calling thread: what a render would hold the event loop for.
  const onThread = await time(runs, () => renderReportPdf(toPdfInput(doc)));
  const markdown = await time(runs, () => renderReportMarkdown(doc));
  const cutting = await time(runs, () => toPdfInput(doc));
  const renderer = createReportRenderer({ threads: 1, maxWaiting: 8, timeoutMs: 60_000 });
  await renderer.pdf(doc); // starts the thread and loads pdfkit there
  const viaPool = await time(runs, () => renderer.pdf(doc));
  const mdViaService = await time(runs, () => renderer.markdown(doc));
  const pdfHeld = await loopHeld(() => renderer.pdf(doc));
  const mdHeld = await loopHeld(() => renderer.markdown(doc));
  await renderer.close();
  console.log(
    `${label}:\n  PDF ${Math.round(pdf.length / 1024)} KB: on the calling thread median ${ms(onThread.median)} ` +
      `(max ${ms(onThread.max)}), through the PDF thread median ${ms(viaPool.median)} ` +
      `(cutting the answers first ${ms(cutting.median)}; the event loop held at most ${ms(pdfHeld)})\n` +
      `  Markdown ${Math.round(md.length / 1024)} KB: on the calling thread ${ms(markdown.median)}, ` +
      `as the service makes it ${ms(mdViaService.median)} (the event loop held at most ${ms(mdHeld)})`,
  );
}

// What the machine itself costs: the loop held while nothing runs (a loaded machine deschedules us).
const idle = await loopHeld(() => new Promise((resolve) => setTimeout(resolve, 2_000)));
console.log(`event loop held at most ${ms(idle)} over 2 s of doing nothing`);
const first = performance.now();
await renderReportPdf(toPdfInput(buildReportDocument(source(1, 1, 200))));
console.log(
  `first render in a process (pdfkit and the fonts load): ${ms(performance.now() - first)}`,
);
await measure(
  'full report, 8 questions, 9 answers of 1,500 chars',
  buildReportDocument(source(8, 1, 1500)),
  20,
);
await measure(
  'largest report, 100 questions, 500 answers of 20,000 chars',
  buildReportDocument(source(100, 5, 20_000)),
  3,
);
