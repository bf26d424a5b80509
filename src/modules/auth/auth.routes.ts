import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errors } from '../../platform/http/schemas.js';
import type { AppContext } from '../../platform/http/context.js';
import { toTokenResponse, toUserResponse } from './auth.presenter.js';
import {
  changePasswordBody,
  loginBody,
  noContent,
  registerBody,
  tokenResponse,
  userResponse,
} from './auth.schemas.js';

export const authRoutes: FastifyPluginAsyncZod<AppContext> = async (
  app,
  { deps, authenticate },
) => {
  const { auth } = deps.services;

  app.post(
    '/auth/register',
    {
      schema: {
        tags: ['auth'],
        body: registerBody,
        response: { 201: userResponse, ...errors(409, 422) },
      },
    },
    async (request, reply) => {
      const { email, password, full_name } = request.body;
      const user = await auth.register({ email, password, fullName: full_name });
      return reply.code(201).send(toUserResponse(user));
    },
  );

  app.post(
    '/auth/login',
    {
      schema: {
        tags: ['auth'],
        body: loginBody,
        response: { 200: tokenResponse, ...errors(401, 422) },
      },
    },
    async (request) => toTokenResponse(await auth.login(request.body.email, request.body.password)),
  );

  app.get(
    '/users/me',
    {
      onRequest: authenticate,
      schema: {
        tags: ['auth'],
        security: [{ bearer: [] }],
        response: { 200: userResponse, ...errors(401) },
      },
    },
    async (request) => toUserResponse(await auth.getUser(request.userId)),
  );

  app.post(
    '/auth/logout',
    {
      onRequest: authenticate,
      schema: {
        summary: 'Log out: this token stops working (other logins keep theirs)',
        operationId: 'logout',
        tags: ['auth'],
        security: [{ bearer: [] }],
        response: { 204: noContent, ...errors(401) },
      },
    },
    async (request, reply) => {
      await auth.logout(request.token);
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/users/me/password',
    {
      onRequest: authenticate,
      schema: {
        summary: 'Change the password: every token issued before stops working',
        operationId: 'changePassword',
        tags: ['auth'],
        security: [{ bearer: [] }],
        body: changePasswordBody,
        response: { 204: noContent, ...errors(400, 401, 422) },
      },
    },
    async (request, reply) => {
      const { current_password, new_password } = request.body;
      await auth.changePassword(request.userId, current_password, new_password);
      return reply.code(204).send(null);
    },
  );
};
