// With a model configured, what is still computed here (the plan of the next question, the
// check whether an answer is an answer at all) runs in the analysis pool, not on the caller's
// event loop: the service passes its pool, and these tests watch the pool being used.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalysisPool, type AnalysisPool } from '../../src/llm/analysis-pool.js';
import { createAnswerEvaluator } from '../../src/llm/feedback/index.js';
import { createQuestionGenerator } from '../../src/llm/index.js';
import { nurse } from '../fixtures/profiles/nurse.js';
import { completion, startFakeOpenAIServer, type FakeOpenAIServer } from './fake-openai-server.js';

describe('a model-backed generator and evaluator given the analysis pool', () => {
  let model: FakeOpenAIServer;
  let real: AnalysisPool;
  let pool: AnalysisPool;
  const used: string[] = [];
  beforeAll(async () => {
    model = await startFakeOpenAIServer();
    real = createAnalysisPool({ threads: 1, timeoutMs: 60_000 });
    pool = {
      ...real,
      plan: (input, signal) => (used.push('plan'), real.plan(input, signal)),
      evaluate: (input, signal) => (used.push('evaluate'), real.evaluate(input, signal)),
    };
  });
  afterAll(async () => {
    await real.close();
    await model.close();
  });
  const config = () => ({
    provider: 'openai' as const,
    baseUrl: model.baseUrl,
    apiKey: 'sk-test',
    model: 'fake-model',
    timeoutMs: 60_000,
  });

  it('plans the question in the pool and sends the model that plan', async () => {
    used.length = 0;
    model.reply(
      completion(
        JSON.stringify({
          question_text:
            'Tell me about a shift on which you triaged several deteriorating patients.',
          question_type: 'experience',
          focus: { requirement: 'triage', evidence: null, summary: 'triage under pressure' },
        }),
      ),
    );
    const generator = createQuestionGenerator(config(), pool);
    await generator.prepare?.();
    const question = await generator.generate(
      { jobPosting: nurse.jobPosting, resume: nurse.resume, transcript: [] },
      { signal: new AbortController().signal },
    );
    expect(used).toEqual(['plan']);
    expect(question.questionText).toMatch(/triaged/);
    // The prompt lists requirements of the nurse posting: the plan came back from the thread whole.
    const prompt = model.requests
      .at(-1)!
      .body.messages.map((m) => m.content)
      .join('\n');
    const planned = await real.plan(
      { jobPosting: nurse.jobPosting, resume: nurse.resume, transcript: [] },
      new AbortController().signal,
    );
    expect(planned.plan.uncovered.length).toBeGreaterThan(0);
    expect(prompt).toContain(planned.plan.uncovered[0]!.text);
  });

  it('screens an answer in the pool and never sends "I don\'t know" to the model', async () => {
    used.length = 0;
    const before = model.requests.length;
    const evaluator = createAnswerEvaluator(config(), pool);
    await evaluator.prepare();
    const evaluation = await evaluator.evaluate(
      {
        question: { text: 'How do you triage?', type: 'experience', requirement: 'triage' },
        answer: "I don't know.",
        jobPosting: nurse.jobPosting,
        resume: nurse.resume,
      },
      { signal: new AbortController().signal },
    );
    expect(used).toEqual(['evaluate']);
    expect(evaluation).toMatchObject({
      status: 'not_scored',
      answerClass: 'non_answer',
      score: null,
    });
    expect(model.requests.length).toBe(before);
  });
});
