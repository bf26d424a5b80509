import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteContext } from '../../platform/http/context.js';
import type { SessionsService } from './sessions.service.js';
import { operationDocs } from '../../platform/http/openapi.js';
import {
  PAGE_DESCRIPTION,
  cursorKeys,
  listQuery,
  readCursor,
  sendPage,
} from '../../platform/http/pagination.js';
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

const TRANSITION_SUMMARIES: Record<SessionAction, string> = {
  pause: 'Pause an active session',
  resume: 'Resume a paused session',
  complete: 'Complete a session',
};

export const sessionsRoutes: FastifyPluginAsyncZod<
  RouteContext<{ sessions: SessionsService }>
> = async (app, { sessions, authenticate }) => {
  app.addHook('onRequest', authenticate); // before the body is parsed or validated
  const doc = operationDocs('interview sessions');

  app.post(
    '/sessions',
    {
      schema: {
        ...doc('createSession', 'Start a mock interview for a job posting'),
        body: createSessionBody,
        response: { 201: sessionResponse, ...errors(404, 409) },
      },
    },
    async (request, reply) => {
      const { job_posting_id, focus } = request.body;
      const session = await sessions.create(request.userId, job_posting_id, focus);
      return reply.code(201).send(toSessionResponse(session));
    },
  );

  app.get(
    '/sessions',
    {
      schema: {
        ...doc('listSessions', 'List your sessions, newest first, a page at a time'),
        querystring: listQuery(100),
        response: { 200: z.array(sessionResponse).describe(PAGE_DESCRIPTION) },
      },
    },
    async (request, reply) => {
      const { limit, cursor } = request.query;
      const after = readCursor(cursor, 'sessions', cursorKeys.timeAndId);
      const rows = await sessions.listPage(request.userId, limit + 1, after);
      const page = sendPage(request, reply, 'sessions', rows, limit, (r) => [r.sortAt, r.id]);
      return page.map(toSessionResponse);
    },
  );

  app.get(
    '/sessions/:id',
    {
      schema: {
        ...doc('getSession', 'Read one of your sessions'),
        params: idParams,
        response: { 200: sessionResponse, ...errors(404) },
      },
    },
    async (request) => toSessionResponse(await sessions.get(request.params.id, request.userId)),
  );

  app.delete(
    '/sessions/:id',
    {
      schema: {
        ...doc('deleteSession', 'Delete an interview with its transcript and operations'),
        params: idParams,
        response: { 204: z.null().describe('No content'), ...errors(401, 404, 422) },
      },
    },
    async (request, reply) => {
      await sessions.remove(request.params.id, request.userId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/sessions/:id/complete',
    {
      schema: {
        ...doc('completeSession', 'Complete a session; its report is built in the background'),
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
          ...doc(`${action}Session`, TRANSITION_SUMMARIES[action]),
          params: idParams,
          response: { 200: sessionResponse, ...errors(404, 409) },
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
        ...doc('listSessionMessages', 'List the messages of a session, oldest first'),
        params: idParams,
        querystring: listQuery(500),
        response: {
          200: z.array(messageResponse).describe(PAGE_DESCRIPTION),
          ...errors(404),
        },
      },
    },
    async (request, reply) => {
      const { limit, cursor } = request.query;
      const after = readCursor(cursor, 'messages', cursorKeys.seq)?.[0];
      const rows = await sessions.listMessages(request.params.id, request.userId, limit + 1, after);
      const page = sendPage(request, reply, 'messages', rows, limit, (r) => [r.sort_seq]);
      return page.map(toMessageResponse);
    },
  );

  app.post(
    '/sessions/:id/answers',
    {
      schema: {
        ...doc('submitAnswer', 'Answer the open question of a session, or an earlier one again'),
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
        request.body.question_message_id,
      );
      return reply.code(201).send({
        ...toMessageResponse(message),
        feedback_operation_id: message.feedback_operation_id,
      });
    },
  );
};
