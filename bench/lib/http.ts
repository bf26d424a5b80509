import http from 'node:http';

export interface JsonResponse<T = unknown> {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: T;
}

// One keep-alive agent for the bench's own requests (seeding, long-polls, probes),
// so a sample's latency is the server's work and not a TCP handshake.
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/**
 * A JSON request to the server on 127.0.0.1; never throws on an HTTP status, only on I/O.
 * A kept-alive socket the server closed as idle (its keep-alive timeout) just as this
 * request went out fails with ECONNRESET before the server read anything: that request is
 * sent once more on a new socket, as Node's documentation advises.
 */
export async function request<T = unknown>(
  port: number,
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<JsonResponse<T>> {
  try {
    return await requestOnce<T>(port, method, path, options);
  } catch (err) {
    if (!(err instanceof Error && (err as { reusedSocket?: boolean }).reusedSocket)) throw err;
    return requestOnce<T>(port, method, path, { ...options, keepAlive: false });
  }
}

function requestOnce<T>(
  port: number,
  method: string,
  path: string,
  { body, token, headers = {}, timeoutMs = 30_000, keepAlive = true }: RequestOptions,
): Promise<JsonResponse<T>> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent: keepAlive ? agent : false,
        headers: {
          ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          if ((res.headers['content-type'] ?? '').includes('json') && text) {
            try {
              parsed = JSON.parse(text);
            } catch {
              parsed = text;
            }
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parsed as T });
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${path} timed out`)));
    req.on('error', (err: NodeJS.ErrnoException) => {
      const stale = req.reusedSocket && err.code === 'ECONNRESET';
      reject(stale ? Object.assign(err, { reusedSocket: true }) : err);
    });
    req.end(payload);
  });
}

export interface RequestOptions {
  body?: unknown;
  token?: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
  keepAlive?: boolean;
}

/** Like request(), but a status other than `expected` is an error naming the body. */
export async function expectStatus<T>(
  expected: number,
  port: number,
  method: string,
  path: string,
  options?: RequestOptions,
): Promise<T> {
  const res = await request<T>(port, method, path, options);
  if (res.status !== expected) {
    throw new Error(
      `${method} ${path}: expected ${expected}, got ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`,
    );
  }
  return res.body;
}

export function closeAgent(): void {
  agent.destroy();
}
