import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { AppError } from '../errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    userId: string;
  }
}

/** The user id an access token was issued to, or null for any token that is not valid now. */
export type VerifyToken = (token: string) => Promise<string | null>;

const BEARER = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/i;

/** The preHandler every protected route uses: a valid bearer token or 401. */
export function createAuthenticate(verify: VerifyToken): preHandlerAsyncHookHandler {
  return async function authenticate(request: FastifyRequest) {
    const match = BEARER.exec(request.headers.authorization ?? '');
    const userId = match?.[1] ? await verify(match[1]) : null;
    if (!userId) {
      throw new AppError('UNAUTHORIZED', 'A valid access token is required. Log in again.');
    }
    request.userId = userId;
  };
}
