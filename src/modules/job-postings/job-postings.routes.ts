import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/http/context.js';
import { errors, idParams } from '../../platform/http/schemas.js';
import { fromJobPostingPatch, toJobPostingResponse } from './job-postings.presenter.js';
import {
  createJobPostingBody,
  jobPostingResponse,
  updateJobPostingBody,
} from './job-postings.schemas.js';

export const jobPostingsRoutes: FastifyPluginAsyncZod<AppContext> = async (
  app,
  { deps, authenticate },
) => {
  const { jobPostings } = deps.services;
  app.addHook('onRequest', authenticate); // before the body is parsed or validated
  const common = { tags: ['job postings'], security: [{ bearer: [] }] };

  app.post(
    '/job-postings',
    {
      schema: {
        ...common,
        body: createJobPostingBody,
        response: { 201: jobPostingResponse, ...errors(401, 422) },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const posting = await jobPostings.create(request.userId, {
        title: b.title,
        description: b.description,
        company: b.company,
        techStack: b.tech_stack,
        experienceLevel: b.experience_level,
      });
      return reply.code(201).send(toJobPostingResponse(posting));
    },
  );

  app.get(
    '/job-postings',
    { schema: { ...common, response: { 200: z.array(jobPostingResponse), ...errors(401) } } },
    async (request) => (await jobPostings.list(request.userId)).map(toJobPostingResponse),
  );

  app.get(
    '/job-postings/:id',
    {
      schema: {
        ...common,
        params: idParams,
        response: { 200: jobPostingResponse, ...errors(401, 404, 422) },
      },
    },
    async (request) =>
      toJobPostingResponse(await jobPostings.get(request.params.id, request.userId)),
  );

  app.patch(
    '/job-postings/:id',
    {
      schema: {
        ...common,
        params: idParams,
        body: updateJobPostingBody,
        response: { 200: jobPostingResponse, ...errors(401, 404, 422) },
      },
    },
    async (request) =>
      toJobPostingResponse(
        await jobPostings.update(
          request.params.id,
          request.userId,
          fromJobPostingPatch(request.body),
        ),
      ),
  );

  app.delete(
    '/job-postings/:id',
    {
      schema: {
        ...common,
        params: idParams,
        response: { 204: z.null(), ...errors(401, 404, 422) },
      },
    },
    async (request, reply) => {
      await jobPostings.remove(request.params.id, request.userId);
      return reply.code(204).send(null);
    },
  );
};
