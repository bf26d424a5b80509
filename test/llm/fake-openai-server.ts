// A programmable OpenAI-compatible server on loopback: real HTTP, so the tests exercise the
// SDK, the provider and our error handling exactly as production does.
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

export interface FakeOpenAIServer {
  baseUrl: string;
  requests: RecordedRequest[];
  /** Queue replies; each request takes the next one. */
  reply(...replies: FakeReply[]): void;
  /** Answers every request held by a `hold` reply with `reply`; returns how many. */
  answerHeld(reply: FakeReply): number;
  /** The reply for requests when the queue is empty (otherwise they get a 599). */
  replyByDefault(reply: FakeReply | ((request: RecordedRequest) => FakeReply) | undefined): void;
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

export async function startFakeOpenAIServer(): Promise<FakeOpenAIServer> {
  const queue: FakeReply[] = [];
  const requests: RecordedRequest[] = [];
  const held: ServerResponse[] = [];
  let fallback: FakeReply | ((request: RecordedRequest) => FakeReply) | undefined;
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
      const reply =
        queue.shift() ?? (typeof fallback === 'function' ? fallback(request) : fallback);
      if (!reply) return send(res, failure(599, 'the test programmed no reply for this request'));
      if (reply.hang) return;
      if (reply.hold) return void held.push(res);
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
      for (const res of waiting) send(res, reply);
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
