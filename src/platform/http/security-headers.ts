import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

const OPTIONS: HelmetOptions = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
      // Plain http on 127.0.0.1 is the normal way to run this; Safari would upgrade it and fail.
      upgradeInsecureRequests: null,
    },
  },
};

/** Runs helmet once against a stand-in response and keeps the headers it set. */
export function computeSecurityHeaders(options: HelmetOptions = OPTIONS): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: unknown) => void (headers[name] = String(value)),
    removeHeader: (name: string) => void delete headers[name],
  };
  helmet(options)({} as never, res as never, () => undefined);
  return headers;
}

/**
 * helmet's headers on every response. They never vary by request, so they are
 * computed once: building helmet's middleware per request (as @fastify/helmet
 * does) cost about 5% of a cheap request's CPU. Routes that need another policy
 * (the API docs) set their own Content-Security-Policy, which wins.
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  const headers = computeSecurityHeaders();
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}
