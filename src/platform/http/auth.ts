import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { AppError } from '../errors.js';
import type { TokenClaims, TokenService } from '../../modules/auth/tokens.js';

declare module 'fastify' {
  interface FastifyRequest {
    userId: string;
    /** The verified token of this request (logout revokes exactly this one). */
    token: TokenClaims;
  }
}

const BEARER = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/i;

/** The preHandler every protected route uses: a valid bearer token or 401. */
export function createAuthenticate(tokens: TokenService): preHandlerAsyncHookHandler {
  return async function authenticate(request: FastifyRequest) {
    const match = BEARER.exec(request.headers.authorization ?? '');
    const claims = match?.[1] ? await tokens.verifyClaims(match[1]) : null;
    if (!claims) {
      throw new AppError('UNAUTHORIZED', 'A valid access token is required. Log in again.');
    }
    request.userId = claims.userId;
    request.token = claims;
  };
}
