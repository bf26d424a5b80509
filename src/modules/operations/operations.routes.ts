import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteContext } from '../../platform/http/context.js';
import type { OperationsService } from './operations.service.js';
import { operationDocs } from '../../platform/http/openapi.js';
import { errors, idParams } from '../../platform/http/schemas.js';
import { operationLocation, toOperationResponse } from './operations.presenter.js';
import { idempotencyHeaders, operationResponse, waitQuery } from './operations.schemas.js';

export const operationsRoutes: FastifyPluginAsyncZod<
  RouteContext<{ operations: OperationsService }>
> = async (app, { operations, authenticate }) => {
  app.addHook('onRequest', authenticate); // 401 before any validation
  const doc = operationDocs('question generation');

  app.post(
    '/sessions/:id/generate-question',
    {
      schema: {
        ...doc('generateQuestion', 'Start generating the next question of a session'),
        params: idParams,
        headers: idempotencyHeaders,
        response: { 202: operationResponse, ...errors(400, 404, 422, 429) },
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
        ...doc('getOperation', 'Read an operation, optionally waiting for it to finish'),
        params: idParams,
        querystring: waitQuery,
        response: { 200: operationResponse, ...errors(404) },
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
        ...doc('listSessionOperations', 'List the operations of a session, oldest first'),
        params: idParams,
        response: { 200: z.array(operationResponse), ...errors(404) },
      },
    },
    async (request) =>
      (await operations.listForSession(request.params.id, request.userId)).map(toOperationResponse),
  );
};
