// A programmable OpenAI-compatible server on loopback: real HTTP, so the tests exercise the
// SDK, the provider and our error handling exactly as production does. Unit tests queue the
// exact replies they need; process and browser tests let it answer like a model
// (`modelReplies()`: a question, or a judgement when the prompt fences an answer).
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeReply {
  status?: number;
  /** An object is sent as JSON; a string is sent as is. */
  body?: unknown;
  /** Never answer: for the time budget tests. */
  hang?: boolean;
  /** Keep the request open until answerHeld() is called. */
  hold?: boolean;
  headers?: Record<string, string>;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Promise the whole body (Content-Length), send this many bytes of it, then drop the connection. */
  cutAfterBytes?: number;
  /** Send a 200 JSON body of about this many bytes, in chunks, larger than any answer. */
  oversizeBytes?: number;
  /** Send the body one byte at a time, this many ms apart. */
  trickleMs?: number;
}

export interface RecordedRequest {
  path: string;
  /** Date.now() when the request arrived. */
  at: number;
  headers: IncomingHttpHeaders;
  body: {
    model: string;
    messages: { role: string; content: string }[];
    response_format?: { type: string };
  };
}

/** A reply, or how to reply to the request at hand. */
export type Reply = FakeReply | ((request: RecordedRequest) => FakeReply);

export interface FakeOpenAIServerOptions {
  /** The reply for requests when the queue is empty (otherwise they get a 599). */
  replyByDefault?: Reply;
}

export interface FakeOpenAIServer {
  /** The OPENAI_BASE_URL to give the service (it ends in /v1). */
  baseUrl: string;
  requests: RecordedRequest[];
  /** Queue replies; each request takes the next one. */
  reply(...replies: Reply[]): void;
  /** Answers every request held by a `hold` reply with `reply`; returns how many. */
  answerHeld(reply: Reply): number;
  /** The reply for requests when the queue is empty (otherwise they get a 599). */
  replyByDefault(reply: Reply | undefined): void;
  /** Requests received and not answered yet, now and at most since the last resetMaxInFlight(). */
  readonly inFlight: number;
  readonly maxInFlight: number;
  resetMaxInFlight(): void;
  /** Bytes written for oversized bodies so far: shows the client stopped reading. */
  readonly oversizeBytesSent: number;
  /** Drops replies no request took (a test that failed early must not feed the next). */
  clear(): void;
  close(): Promise<void>;
}

/** A chat completion whose assistant message is `content`. */
export function completion(content: string): FakeReply {
  return {
    body: {
      id: 'chatcmpl-fake',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: 'fake-model',
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
    },
  };
}

export function failure(status: number, message = 'provider failure'): FakeReply {
  return { status, body: { error: { message, type: 'server_error', code: String(status) } } };
}

/** A 401 as a provider sends for a wrong API key. */
export const rejectedKey = (): FakeReply => failure(401, 'Incorrect API key provided.');

const QUESTIONS = [
  'Tell me about a time you turned a messy spreadsheet into a report people trusted?',
  'How would you explain a surprising drop in a key metric to a sceptical manager?',
];

/** The prompt's text: every message's content. */
const promptOf = (request: RecordedRequest): string =>
  (request.body.messages ?? [])
    .map((m) => (typeof m.content === 'string' ? m.content : ''))
    .join('\n');

/** The answer an evaluation prompt fences, or null when the prompt asks for a question. */
function fencedAnswer(prompt: string): string | null {
  const begin = prompt.indexOf('<<<BEGIN ANSWER>>>\n');
  const end = prompt.indexOf('\n<<<END ANSWER>>>');
  return begin >= 0 && end > begin
    ? prompt.slice(begin + '<<<BEGIN ANSWER>>>\n'.length, end)
    : null;
}

/** A judgement of `answer` whose quote is the answer's first sentence, copied exactly. */
function evaluationOf(answer: string): string {
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

/**
 * Replies like a model: a question of the type the prompt asks for (two questions, taken in
 * turn, so the next is never a repeat), or, for a prompt that fences an answer, a judgement
 * quoting that answer's first sentence.
 */
export function modelReplies(): (request: RecordedRequest) => FakeReply {
  let asked = 0;
  return (request) => {
    const prompt = promptOf(request);
    const answer = fencedAnswer(prompt);
    if (answer !== null) return completion(evaluationOf(answer));
    const type = /Question type: (technical|behavioral|situational|experience)\./.exec(prompt)?.[1];
    return completion(
      JSON.stringify({
        question_text: QUESTIONS[asked++ % QUESTIONS.length],
        question_type: type ?? 'behavioral',
        focus: {
          requirement: 'turn data into decisions',
          evidence: null,
          summary: 'Checks how the candidate makes analysis useful to others.',
        },
      }),
    );
  };
}

function send(res: ServerResponse, reply: FakeReply): void {
  const body = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? {});
  const headers = { 'content-type': 'application/json', ...reply.headers };
  if (reply.cutAfterBytes !== undefined) {
    const bytes = Buffer.from(body);
    res.writeHead(reply.status ?? 200, { ...headers, 'content-length': String(bytes.length) });
    res.write(bytes.subarray(0, reply.cutAfterBytes), () => res.destroy());
    return;
  }
  if (reply.trickleMs !== undefined) {
    const bytes = Buffer.from(body);
    res.writeHead(reply.status ?? 200, { ...headers, 'content-length': String(bytes.length) });
    let i = 0;
    const timer = setInterval(() => {
      if (res.destroyed || i >= bytes.length) {
        clearInterval(timer);
        res.end();
        return;
      }
      res.write(bytes.subarray(i, i + 1));
      i += 1;
    }, reply.trickleMs);
    res.on('close', () => clearInterval(timer));
    return;
  }
  res.writeHead(reply.status ?? 200, headers);
  res.end(body);
}

// A chat completion whose content never ends: `{"id":..., "choices":[{"message":{"content":"aaaa...`,
// written as fast as the client reads it, so the client's limit, not ours, stops it.
function sendOversize(res: ServerResponse, total: number, onBytes: (n: number) => void): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  const chunk = Buffer.alloc(64 * 1024, 'a');
  let sent = 0;
  const pump = () => {
    while (sent < total && !res.destroyed) {
      sent += chunk.length;
      onBytes(chunk.length);
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end('"}}]}');
  };
  res.write('{"id":"x","object":"chat.completion","choices":[{"index":0,"message":{"content":"');
  pump();
}

export async function startFakeOpenAIServer(
  options: FakeOpenAIServerOptions = {},
): Promise<FakeOpenAIServer> {
  const queue: Reply[] = [];
  const requests: RecordedRequest[] = [];
  const held: { res: ServerResponse; request: RecordedRequest }[] = [];
  let fallback = options.replyByDefault;
  const replyTo = (reply: Reply, request: RecordedRequest): FakeReply =>
    typeof reply === 'function' ? reply(request) : reply;
  let oversizeBytesSent = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const server = createServer((req, res) => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => (inFlight -= 1));
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const request: RecordedRequest = {
        path: req.url ?? '',
        at: Date.now(),
        headers: req.headers,
        body: text ? JSON.parse(text) : {},
      };
      requests.push(request);
      const next = queue.shift() ?? fallback;
      if (!next) return send(res, failure(599, 'the test programmed no reply for this request'));
      const reply = replyTo(next, request);
      if (reply.hang) return;
      if (reply.hold) return void held.push({ res, request });
      if (req.url !== '/v1/chat/completions') return send(res, failure(404, `no route ${req.url}`));
      const answer = () => {
        if (reply.oversizeBytes !== undefined) {
          return sendOversize(res, reply.oversizeBytes, (n) => (oversizeBytesSent += n));
        }
        send(res, reply);
      };
      if (reply.delayMs) setTimeout(answer, reply.delayMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    reply: (...replies) => queue.push(...replies),
    answerHeld(reply) {
      const waiting = held.splice(0);
      for (const { res, request } of waiting) send(res, replyTo(reply, request));
      return waiting.length;
    },
    replyByDefault: (reply) => (fallback = reply),
    get oversizeBytesSent() {
      return oversizeBytesSent;
    },
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    resetMaxInFlight: () => void (maxInFlight = inFlight),
    clear: () => void queue.splice(0),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
