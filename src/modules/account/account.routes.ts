import { Readable } from 'node:stream';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteContext } from '../../platform/http/context.js';
import { operationDocs } from '../../platform/http/openapi.js';
import type { AccountService } from './account.service.js';
import { errors } from '../../platform/http/schemas.js';
import { deleteAccountBody, exportResponse } from './account.schemas.js';

export const accountRoutes: FastifyPluginAsyncZod<
  RouteContext<{ account: AccountService }>
> = async (app, { account, authenticate }) => {
  app.addHook('onRequest', authenticate);
  const doc = operationDocs('account');

  app.get(
    '/users/me/export',
    {
      schema: {
        ...doc('exportMyData', 'Download everything stored about me as one JSON document'),
        response: { 200: exportResponse, ...errors(401) },
      },
    },
    async (request, reply) => {
      const date = new Date().toISOString().slice(0, 10);
      return reply
        .type('application/json; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="interview-practice-export-${date}.json"`,
        )
        .header('cache-control', 'no-store')
        .send(
          // A stream is written as it is, not serialised: the schema documents its shape.
          Readable.from(account.export(request.userId)) as unknown as z.infer<
            typeof exportResponse
          >,
        );
    },
  );

  app.delete(
    '/users/me',
    {
      schema: {
        ...doc('deleteMyAccount', 'Delete my account and all its data'),
        body: deleteAccountBody,
        response: { 204: z.null().describe('No content'), ...errors(400, 401, 422) },
      },
    },
    async (request, reply) => {
      await account.deleteAccount(request.userId, request.body.password);
      return reply.code(204).send(null);
    },
  );
};
