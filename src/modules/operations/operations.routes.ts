import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteContext } from '../../platform/http/context.js';
import type { OperationsService } from './operations.service.js';
import { errors, idParams } from '../../platform/http/schemas.js';
import { operationLocation, toOperationResponse } from './operations.presenter.js';
import { idempotencyHeaders, operationResponse, waitQuery } from './operations.schemas.js';

export const operationsRoutes: FastifyPluginAsyncZod<
  RouteContext<{ operations: OperationsService }>
> = async (app, { operations, authenticate }) => {
  app.addHook('onRequest', authenticate); // 401 before any validation
  const common = { tags: ['question generation'], security: [{ bearer: [] }] };

  app.post(
    '/sessions/:id/generate-question',
    {
      schema: {
        ...common,
        params: idParams,
        headers: idempotencyHeaders,
        response: { 202: operationResponse, ...errors(400, 401, 404, 422, 429) },
      },
    },
    async (request, reply) => {
      const op = await operations.requestQuestion(
        request.params.id,
        request.userId,
        request.headers['idempotency-key'],
      );
      return reply
        .code(202)
        .header('Location', operationLocation(op.id))
        .header('Retry-After', '1')
        .send(toOperationResponse(op));
    },
  );

  app.get(
    '/operations/:id',
    {
      schema: {
        ...common,
        params: idParams,
        querystring: waitQuery,
        response: { 200: operationResponse, ...errors(401, 404, 422) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const wait = request.query.wait ?? 0;
      let op;
      if (wait > 0) {
        // The response closing before we answer means the client went away: stop waiting.
        const gone = new AbortController();
        reply.raw.once('close', () => gone.abort());
        op = await operations.waitFor(id, request.userId, wait, gone.signal);
      } else {
        op = await operations.get(id, request.userId);
      }
      if (!operations.isTerminal(op)) reply.header('Retry-After', '1');
      return toOperationResponse(op);
    },
  );

  app.get(
    '/sessions/:id/operations',
    {
      schema: {
        ...common,
        params: idParams,
        response: { 200: z.array(operationResponse), ...errors(401, 404, 422) },
      },
    },
    async (request) =>
      (await operations.listForSession(request.params.id, request.userId)).map(toOperationResponse),
  );
};
