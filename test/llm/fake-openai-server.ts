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
  headers?: Record<string, string>;
}

export interface RecordedRequest {
  path: string;
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
  res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
  res.end(body);
}

export async function startFakeOpenAIServer(): Promise<FakeOpenAIServer> {
  const queue: FakeReply[] = [];
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      requests.push({
        path: req.url ?? '',
        headers: req.headers,
        body: text ? JSON.parse(text) : {},
      });
      const reply = queue.shift();
      if (!reply) return send(res, failure(599, 'the test programmed no reply for this request'));
      if (reply.hang) return;
      if (req.url !== '/v1/chat/completions') return send(res, failure(404, `no route ${req.url}`));
      send(res, reply);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    reply: (...replies) => queue.push(...replies),
    clear: () => void queue.splice(0),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
