import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { operationDocs } from '../../platform/http/openapi.js';
import { errors } from '../../platform/http/schemas.js';
import type { RouteContext } from '../../platform/http/context.js';
import type { AuthService } from './auth.service.js';
import type { LoginThrottle } from './login-throttle.js';
import { toTokenResponse, toUserResponse } from './auth.presenter.js';
import {
  changePasswordBody,
  loginBody,
  noContent,
  registerBody,
  tokenResponse,
  userResponse,
} from './auth.schemas.js';

export const authRoutes: FastifyPluginAsyncZod<
  RouteContext<{ auth: AuthService; loginThrottle: LoginThrottle }>
> = async (app, { auth, loginThrottle, authenticate }) => {
  const doc = operationDocs('auth');

  app.post(
    '/auth/register',
    {
      schema: {
        ...doc.public('registerUser', 'Create an account'),
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
        ...doc.public('loginUser', 'Log in: exchange email and password for an access token'),
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
        ...doc('getCurrentUser', 'Read the account of the access token'),
        response: { 200: userResponse },
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
        operationId: 'logoutUser',
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

  app.post(
    '/auth/logout-all',
    {
      onRequest: authenticate,
      schema: {
        summary: 'Log out everywhere: every token of this account stops working, this one too',
        operationId: 'logoutEverywhere',
        tags: ['auth'],
        security: [{ bearer: [] }],
        response: { 204: noContent, ...errors(401) },
      },
    },
    async (request, reply) => {
      await auth.logoutEverywhere(request.userId);
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
