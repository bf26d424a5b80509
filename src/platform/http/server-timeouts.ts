import http from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyServerOptions } from 'fastify';
import { ERROR_STATUS, type ErrorCode } from '../errors.js';

// A long-poll holds a request for up to 30 s with the socket idle, so an idle connection
// may live a little longer than that; receiving a request (headers and body) is bounded
// by REQUEST_TIMEOUT_MS, so a client cannot trickle a body forever.
const IDLE_CONNECTION_MS = 45_000;
const KEEP_ALIVE_MS = 10_000;

/** Fastify's server options for timeouts; Fastify's own defaults leave requests unbounded. */
export function serverTimeouts(requestTimeoutMs: number): Partial<FastifyServerOptions> {
  return {
    requestTimeout: requestTimeoutMs,
    connectionTimeout: Math.max(IDLE_CONNECTION_MS, requestTimeoutMs),
    keepAliveTimeout: KEEP_ALIVE_MS,
    // Node checks for timed-out requests this often (30 s by default).
    http: {
      headersTimeout: requestTimeoutMs,
      connectionsCheckingInterval: Math.min(30_000, Math.max(100, requestTimeoutMs / 4)),
    },
    clientErrorHandler: answerClientError,
  } as Partial<FastifyServerOptions>;
}

/** Errors before a request reaches Fastify (timeouts, broken HTTP), in the contract's shape. */
function answerClientError(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [code, message]: [ErrorCode, string] =
    err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? ['REQUEST_TIMEOUT', 'The request took too long to arrive.']
      : err.code === 'HPE_HEADER_OVERFLOW'
        ? ['HEADERS_TOO_LARGE', 'The request headers are too large.']
        : ['BAD_REQUEST', 'The request could not be read.'];
  const status = ERROR_STATUS[code];
  const body = JSON.stringify({ detail: { code, message } });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nConnection: close\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}
