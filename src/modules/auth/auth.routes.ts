import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errors } from '../../platform/http/schemas.js';
import type { AppContext } from '../../platform/http/context.js';
import { toTokenResponse, toUserResponse } from './auth.presenter.js';
import { loginBody, registerBody, tokenResponse, userResponse } from './auth.schemas.js';

export const authRoutes: FastifyPluginAsyncZod<AppContext> = async (
  app,
  { deps, authenticate },
) => {
  const { auth, loginThrottle } = deps.services;

  app.post(
    '/auth/register',
    {
      schema: {
        tags: ['auth'],
        body: registerBody,
        response: { 201: userResponse, ...errors(409, 422, 429) },
      },
    },
    async (request, reply) => {
      const { email, password, full_name } = request.body;
      const user = await loginThrottle.register(request.ip, () =>
        auth.register({ email, password, fullName: full_name }),
      );
      return reply.code(201).send(toUserResponse(user));
    },
  );

  app.post(
    '/auth/login',
    {
      schema: {
        tags: ['auth'],
        body: loginBody,
        response: { 200: tokenResponse, ...errors(401, 422, 429) },
      },
    },
    async (request) => {
      const { email, password } = request.body;
      const token = await loginThrottle.login(email, request.ip, () => auth.login(email, password));
      return toTokenResponse(token);
    },
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
};
