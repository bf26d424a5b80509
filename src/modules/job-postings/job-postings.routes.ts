import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteContext } from '../../platform/http/context.js';
import type { JobPostingsService } from './job-postings.service.js';
import { operationDocs } from '../../platform/http/openapi.js';
import {
  PAGE_DESCRIPTION,
  cursorKeys,
  listQuery,
  readCursor,
  sendPage,
} from '../../platform/http/pagination.js';
import { errors, idParams } from '../../platform/http/schemas.js';
import { fromJobPostingPatch, toJobPostingResponse } from './job-postings.presenter.js';
import {
  createJobPostingBody,
  jobPostingResponse,
  updateJobPostingBody,
} from './job-postings.schemas.js';

export const jobPostingsRoutes: FastifyPluginAsyncZod<
  RouteContext<{ jobPostings: JobPostingsService }>
> = async (app, { jobPostings, authenticate }) => {
  app.addHook('onRequest', authenticate); // before the body is parsed or validated
  const doc = operationDocs('job postings');

  app.post(
    '/job-postings',
    {
      schema: {
        ...doc('createJobPosting', 'Add a job posting'),
        body: createJobPostingBody,
        response: { 201: jobPostingResponse, ...errors(409) },
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
    {
      schema: {
        ...doc('listJobPostings', 'List your job postings, newest first, a page at a time'),
        querystring: listQuery(100),
        response: { 200: z.array(jobPostingResponse).describe(PAGE_DESCRIPTION) },
      },
    },
    async (request, reply) => {
      const { limit, cursor } = request.query;
      const after = readCursor(cursor, 'job-postings', cursorKeys.timeAndId);
      const rows = await jobPostings.listPage(request.userId, limit + 1, after);
      const page = sendPage(request, reply, 'job-postings', rows, limit, (r) => [r.sortAt, r.id]);
      return page.map(toJobPostingResponse);
    },
  );

  app.get(
    '/job-postings/:id',
    {
      schema: {
        ...doc('getJobPosting', 'Read one of your job postings'),
        params: idParams,
        response: { 200: jobPostingResponse, ...errors(404) },
      },
    },
    async (request) =>
      toJobPostingResponse(await jobPostings.get(request.params.id, request.userId)),
  );

  app.patch(
    '/job-postings/:id',
    {
      schema: {
        ...doc('updateJobPosting', 'Change some fields of a job posting'),
        params: idParams,
        body: updateJobPostingBody,
        response: { 200: jobPostingResponse, ...errors(404) },
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
        ...doc('deleteJobPosting', 'Delete a job posting and its interviews'),
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
