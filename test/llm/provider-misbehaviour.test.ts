import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GenerationError, type GenerationInput } from '../../src/llm/generator.js';
import { createQuestionGenerator } from '../../src/llm/index.js';
import { generateWithRetries } from '../../src/modules/operations/generate-with-retries.js';
import { nurse } from '../fixtures/profiles/nurse.js';
import { completion, startFakeOpenAIServer, type FakeOpenAIServer } from './fake-openai-server.js';

// A provider that misbehaves in the middle of its answer: each case ends as a classified
// GenerationError by the worker's budget, and the reply is never held in memory whole.
const QUESTION = completion(
  JSON.stringify({
    question_text:
      'Your resume says you reduced falls by 30% with hourly rounding. How would you bring that to a cardiac step-down unit on nights?',
    question_type: 'experience',
    focus: { requirement: 'fall prevention', evidence: 'reduced falls by 30%', summary: 'safety' },
  }),
);
const input: GenerationInput = {
  jobPosting: nurse.jobPosting,
  resume: nurse.resume,
  transcript: [],
};
const log = pino({ level: 'silent' });

let server: FakeOpenAIServer;
beforeAll(async () => {
  server = await startFakeOpenAIServer();
});
afterAll(() => server.close());

// A budget a passing call never comes near, however loaded the machine; only the trickle
// test, which must run out of time, has a short one.
const AMPLE_MS = 60_000;

const generator = (timeoutMs: number) =>
  createQuestionGenerator({
    provider: 'openai',
    apiKey: 'test-key',
    baseUrl: server.baseUrl,
    model: 'fake-model',
    timeoutMs,
  });

async function failureOf(budgetMs: number): Promise<GenerationError> {
  const shutdown = new AbortController().signal;
  const error = await generateWithRetries(generator(budgetMs), input, { budgetMs, shutdown, log })
    .then(() => new Error('expected the generation to fail'))
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(GenerationError);
  return error as GenerationError;
}

describe('a provider that misbehaves mid-answer', () => {
  it('closing the connection half-way is "unavailable", retried, and can then succeed', async () => {
    server.reply({ ...QUESTION, cutAfterBytes: 60 }, QUESTION);
    const question = await generateWithRetries(generator(AMPLE_MS), input, {
      budgetMs: AMPLE_MS,
      shutdown: new AbortController().signal,
      log,
    });
    expect(question.questionType).toBe('experience');
  });

  it('closing the connection half-way every time fails as "unavailable", in words', async () => {
    server.replyByDefault({ ...QUESTION, cutAfterBytes: 60 });
    const failed = await failureOf(AMPLE_MS);
    server.replyByDefault(undefined);
    expect(failed.kind).toBe('unavailable');
    expect(failed.message).toMatch(/dropped the connection before its answer was complete/);
  });

  it('a reply larger than any answer is cut off at 1 MB and fails as invalid output', async () => {
    const sentBefore = server.oversizeBytesSent;
    server.replyByDefault({ oversizeBytes: 64 * 1024 * 1024 });
    const heapBefore = process.memoryUsage().heapUsed;
    const failed = await failureOf(AMPLE_MS);
    server.replyByDefault(undefined);
    expect(failed.kind).toBe('invalid_output');
    // Each attempt stopped reading after about 1 MB (plus what the sockets buffered):
    // far from the 64 MB a single reply offered.
    const requests = server.requests.length;
    expect(requests).toBeGreaterThan(0);
    expect(server.oversizeBytesSent - sentBefore).toBeLessThan(requests * 8 * 1024 * 1024);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(32 * 1024 * 1024);
  });

  it('a reply trickling in byte by byte is stopped by the budget as a timeout', async () => {
    server.replyByDefault({ ...QUESTION, trickleMs: 20 });
    const failed = await failureOf(600);
    server.replyByDefault(undefined);
    expect(failed.kind).toBe('timeout');
  });

  it('a slow reply that still fits in the budget is used', async () => {
    const small = completion(JSON.parse(JSON.stringify(QUESTION.body)).choices[0].message.content);
    server.reply({ ...small, trickleMs: 1 });
    const question = await generateWithRetries(generator(AMPLE_MS), input, {
      budgetMs: AMPLE_MS,
      shutdown: new AbortController().signal,
      log,
    });
    expect(question.questionType).toBe('experience');
  });
});
