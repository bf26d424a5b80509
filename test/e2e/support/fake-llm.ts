import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeLlmMode = 'reject' | 'hold' | 'answer';

export interface FakeLlm {
  /** The OPENAI_BASE_URL to give the server. */
  baseUrl: string;
  /**
   * reject: 401 as for a bad key; hold: keep requests open until release(); answer: a question,
   * or a judgement when the prompt fences an answer to evaluate.
   */
  mode: FakeLlmMode;
  /** How many chat completions were asked for. */
  readonly requests: number;
  /** Answers every held request with a question. */
  release(): void;
  close(): Promise<void>;
}

const QUESTIONS = [
  'Tell me about a time you turned a messy spreadsheet into a report people trusted?',
  'How would you explain a surprising drop in a key metric to a sceptical manager?',
];

function question(prompt: string, n: number): string {
  const type = /Question type: (technical|behavioral|situational|experience)\./.exec(prompt)?.[1];
  return JSON.stringify({
    question_text: QUESTIONS[n % QUESTIONS.length],
    question_type: type ?? 'behavioral',
    focus: {
      requirement: 'turn data into decisions',
      evidence: null,
      summary: 'Checks how the candidate makes analysis useful to others.',
    },
  });
}

/** The answer the evaluation prompt fences, or null when the prompt asks for a question. */
function answerIn(body: string): string | null {
  const messages = (JSON.parse(body) as { messages?: { content?: unknown }[] }).messages ?? [];
  const prompt = messages.map((m) => (typeof m.content === 'string' ? m.content : '')).join('\n');
  const begin = prompt.indexOf('<<<BEGIN ANSWER>>>\n');
  const end = prompt.indexOf('\n<<<END ANSWER>>>');
  return begin >= 0 && end > begin
    ? prompt.slice(begin + '<<<BEGIN ANSWER>>>\n'.length, end)
    : null;
}

/** A judgement of `answer` whose quote is the answer's first sentence, copied exactly. */
function evaluation(answer: string): string {
  const quote = (/^[^.!?]*[.!?]?/.exec(answer)?.[0] ?? answer).trim();
  return JSON.stringify({
    answer_class: 'substantive',
    summary: 'A clear answer with a concrete result.',
    criteria: ['relevance', 'structure', 'specificity', 'ownership', 'impact'].map((key) => ({
      key,
      level: 2,
      comment: `Judged from what you said (${key}).`,
      quotes: [quote],
    })),
    strengths: [{ text: 'You open with what you did.', quotes: [quote] }],
    improvements: [{ text: 'Say how you measured the result.' }],
    requirement_status: 'demonstrated',
    example_answer: null,
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** An OpenAI-compatible chat endpoint on loopback whose behaviour the test switches. */
export async function startFakeLlm(): Promise<FakeLlm> {
  const held: { res: ServerResponse; prompt: string }[] = [];
  let answered = 0;
  let requests = 0;

  const reply = (prompt: string) => {
    const given = answerIn(prompt);
    return given === null ? question(prompt, answered++) : evaluation(given);
  };
  const answer = (res: ServerResponse, prompt: string) =>
    send(res, 200, {
      id: `chatcmpl-${answered}`,
      object: 'chat.completion',
      created: 1_700_000_000,
      model: 'fake-model',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: reply(prompt) },
          finish_reason: 'stop',
        },
      ],
      usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
    });

  const fake: FakeLlm = {
    baseUrl: '',
    mode: 'reject',
    get requests() {
      return requests;
    },
    release() {
      for (const { res, prompt } of held.splice(0)) answer(res, prompt);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        return send(res, 404, { error: { message: `no route ${req.url}` } });
      }
      requests += 1;
      const prompt = Buffer.concat(chunks).toString('utf8');
      if (fake.mode === 'reject') {
        return send(res, 401, {
          error: { message: 'Incorrect API key provided.', type: 'invalid_request_error' },
        });
      }
      if (fake.mode === 'hold') return void held.push({ res, prompt });
      answer(res, prompt);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return fake;
}
