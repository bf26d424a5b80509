import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, type FieldError } from '../errors.js';
import { isDatabaseUnavailableError, isUnstorableText } from '../db/errors.js';
import { trackKnownPaths } from './known-paths.js';

const CODE_FOR_STATUS: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'VALIDATION_ERROR',
  429: 'RATE_LIMITED',
};

export function sendError(reply: FastifyReply, error: AppError): FastifyReply {
  if (error.status === 401) reply.header('WWW-Authenticate', 'Bearer');
  if (error.extra.retryAfterSeconds !== undefined) {
    reply.header('Retry-After', String(error.extra.retryAfterSeconds));
  }
  const detail: { code: ErrorCode; message: string; errors?: FieldError[] } = {
    code: error.code,
    message: error.message,
  };
  if (error.extra.errors) detail.errors = error.extra.errors;
  return reply.code(error.status).send({ detail });
}

function fieldOf(path: string, context: string | undefined): string {
  const field = path.replace(/^\//, '').replaceAll('/', '.');
  if (field) return field;
  return context === 'body' ? 'body' : (context ?? 'request');
}

/** Maps anything thrown in a request to the contract's error shape. */
export function toAppError(err: unknown): AppError | undefined {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const errors = err.validation.map((v) => ({
      field: fieldOf(v.instancePath, err.validationContext),
      message: v.message ?? 'is invalid',
    }));
    return new AppError('VALIDATION_ERROR', 'The request is not valid.', { errors });
  }
  if (isUnstorableText(err)) {
    return new AppError('VALIDATION_ERROR', 'The request contains text that cannot be stored.', {
      errors: [{ field: 'body', message: 'must not contain NUL (\\u0000) characters' }],
    });
  }
  if (isDatabaseUnavailableError(err)) return databaseUnavailable();
  const fe = err as Partial<FastifyError>;
  const status = fe.statusCode ?? 500;
  if (fe.code?.startsWith('FST_ERR_CTP_') && status === 400) {
    // Malformed or empty JSON: a body that fails validation, by the contract.
    return new AppError('VALIDATION_ERROR', 'The request body is not valid JSON.', {
      errors: [{ field: 'body', message: 'must be valid JSON' }],
    });
  }
  if (status === 413) return new AppError('PAYLOAD_TOO_LARGE', 'The request body is too large.');
  if (status === 415) {
    return new AppError('UNSUPPORTED_MEDIA_TYPE', 'This content type is not accepted here.');
  }
  const code = CODE_FOR_STATUS[status];
  if (status >= 400 && status < 500 && code) {
    return new AppError(code, status === 400 ? 'The request could not be read.' : messageFor(code));
  }
  return undefined;
}

export const databaseUnavailable = (): AppError =>
  new AppError(
    'DATABASE_UNAVAILABLE',
    'The database cannot be reached right now. Please try again in a few seconds.',
    { retryAfterSeconds: 5 },
  );

function messageFor(code: ErrorCode): string {
  return code === 'UNAUTHORIZED' ? 'Authentication is required.' : 'The request was not accepted.';
}

/**
 * Errors Fastify answers before a route is chosen (a URL it cannot decode, a path
 * parameter over `maxParamLength`), in the contract's shape instead of Fastify's own.
 */
export function answerFrameworkError(
  err: Pick<FastifyError, 'code'>,
  _request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  // Path parameters are ids: one too long or not decodable is an invalid id, as by the contract.
  const message =
    err.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? 'is too long to be an id'
      : 'is not a valid URL path (bad percent-encoding)';
  return sendError(
    reply,
    new AppError('VALIDATION_ERROR', 'The request is not valid.', {
      errors: [{ field: 'path', message }],
    }),
  );
}

export function registerErrorHandlers(app: FastifyInstance): void {
  const allowedMethods = trackKnownPaths(app);
  app.setErrorHandler((err, request, reply) => {
    const known = toAppError(err);
    if (known) return sendError(reply, known);
    request.log.error({ err }, 'unhandled error');
    return sendError(
      reply,
      new AppError('INTERNAL_ERROR', 'Something went wrong on our side. Please try again.'),
    );
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const allowed = allowedMethods(path);
    if (allowed.includes(request.method)) {
      // The route exists, yet the router passed it by: a path parameter over maxParamLength
      // falls through to the UI's catch-all route, which lands here.
      return answerFrameworkError(
        Object.assign(new Error('path parameter too long'), { code: 'FST_ERR_MAX_PARAM_LENGTH' }),
        request,
        reply,
      );
    }
    if (allowed.length > 0) {
      reply.header('Allow', allowed.join(', '));
      return sendError(
        reply,
        new AppError('METHOD_NOT_ALLOWED', `${path} answers ${allowed.join(', ')} only.`),
      );
    }
    return sendError(reply, new AppError('NOT_FOUND', `No route for ${request.method} ${path}.`));
  });
}
