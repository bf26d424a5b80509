import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/http/context.js';
import { errors, idParams } from '../../platform/http/schemas.js';
import { toMessageResponse, toSessionResponse } from './sessions.presenter.js';
import {
  answerBody,
  answerResponse,
  completedSessionResponse,
  createSessionBody,
  messageResponse,
  sessionResponse,
} from './sessions.schemas.js';
import type { SessionAction } from './sessions.service.js';

export const sessionsRoutes: FastifyPluginAsyncZod<AppContext> = async (
  app,
  { deps, authenticate },
) => {
  const { sessions } = deps.services;
  app.addHook('onRequest', authenticate); // before the body is parsed or validated
  const common = { tags: ['interview sessions'], security: [{ bearer: [] }] };

  app.post(
    '/sessions',
    {
      schema: {
        ...common,
        body: createSessionBody,
        response: { 201: sessionResponse, ...errors(401, 404, 422) },
      },
    },
    async (request, reply) => {
      const session = await sessions.create(request.userId, request.body.job_posting_id);
      return reply.code(201).send(toSessionResponse(session));
    },
  );

  app.get(
    '/sessions',
    { schema: { ...common, response: { 200: z.array(sessionResponse), ...errors(401) } } },
    async (request) => (await sessions.list(request.userId)).map(toSessionResponse),
  );

  app.get(
    '/sessions/:id',
    {
      schema: {
        ...common,
        params: idParams,
        response: { 200: sessionResponse, ...errors(401, 404, 422) },
      },
    },
    async (request) => toSessionResponse(await sessions.get(request.params.id, request.userId)),
  );

  app.post(
    '/sessions/:id/complete',
    {
      schema: {
        ...common,
        params: idParams,
        response: { 200: completedSessionResponse, ...errors(401, 404, 409, 422) },
      },
    },
    async (request) => {
      const done = await sessions.complete(request.params.id, request.userId);
      return { ...toSessionResponse(done.session), report_operation_id: done.reportOperationId };
    },
  );

  for (const action of ['pause', 'resume'] as SessionAction[]) {
    app.post(
      `/sessions/:id/${action}`,
      {
        schema: {
          ...common,
          params: idParams,
          response: { 200: sessionResponse, ...errors(401, 404, 409, 422) },
        },
      },
      async (request) =>
        toSessionResponse(await sessions.transition(request.params.id, request.userId, action)),
    );
  }

  app.get(
    '/sessions/:id/messages',
    {
      schema: {
        ...common,
        params: idParams,
        response: { 200: z.array(messageResponse), ...errors(401, 404, 422) },
      },
    },
    async (request) =>
      (await sessions.listMessages(request.params.id, request.userId)).map(toMessageResponse),
  );

  app.post(
    '/sessions/:id/answers',
    {
      schema: {
        ...common,
        params: idParams,
        body: answerBody,
        response: { 201: answerResponse, ...errors(400, 401, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const message = await sessions.answer(
        request.params.id,
        request.userId,
        request.body.content,
      );
      return reply.code(201).send({
        ...toMessageResponse(message),
        feedback_operation_id: message.feedback_operation_id,
      });
    },
  );
};
