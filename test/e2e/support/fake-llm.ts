import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeLlmMode = 'reject' | 'hold' | 'answer';

export interface FakeLlm {
  /** The OPENAI_BASE_URL to give the server. */
  baseUrl: string;
  /** reject: 401 as for a bad key; hold: keep requests open until release(); answer: a question. */
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

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** An OpenAI-compatible chat endpoint on loopback whose behaviour the test switches. */
export async function startFakeLlm(): Promise<FakeLlm> {
  const held: { res: ServerResponse; prompt: string }[] = [];
  let answered = 0;
  let requests = 0;

  const answer = (res: ServerResponse, prompt: string) =>
    send(res, 200, {
      id: `chatcmpl-${answered}`,
      object: 'chat.completion',
      created: 1_700_000_000,
      model: 'fake-model',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: question(prompt, answered++) },
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
