import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/http/context.js';
import { errors } from '../../platform/http/schemas.js';
import { toResumeResponse } from './resumes.presenter.js';
import { resumeBody, resumeResponse } from './resumes.schemas.js';

export const resumesRoutes: FastifyPluginAsyncZod<AppContext> = async (
  app,
  { deps, authenticate },
) => {
  const { resumes } = deps.services;
  app.addHook('preHandler', authenticate);
  const common = { tags: ['resume'], security: [{ bearer: [] }] };

  app.put(
    '/users/me/resume',
    {
      schema: {
        ...common,
        body: resumeBody,
        response: { 200: resumeResponse, ...errors(401, 422) },
      },
    },
    async (request) => toResumeResponse(await resumes.save(request.userId, request.body.content)),
  );

  app.get(
    '/users/me/resume',
    { schema: { ...common, response: { 200: resumeResponse, ...errors(401, 404) } } },
    async (request) => toResumeResponse(await resumes.get(request.userId)),
  );
};
