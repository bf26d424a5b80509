import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteContext } from '../../platform/http/context.js';
import { operationDocs } from '../../platform/http/openapi.js';
import { errors, idParams } from '../../platform/http/schemas.js';
import type { ProgressService } from './progress.service.js';
import { toPostingProgressResponse, toProgressOverviewResponse } from './progress.presenter.js';
import { postingProgressResponse, progressOverviewResponse } from './progress.schemas.js';

export const progressRoutes: FastifyPluginAsyncZod<
  RouteContext<{ progress: ProgressService }>
> = async (app, { progress, authenticate }) => {
  app.addHook('onRequest', authenticate);
  const doc = operationDocs('progress');

  app.get(
    '/job-postings/:id/progress',
    {
      schema: {
        ...doc('getJobPostingProgress', 'Your progress over the interviews for one job posting'),
        params: idParams,
        response: { 200: postingProgressResponse, ...errors(401, 404, 422) },
      },
    },
    async (request) =>
      toPostingProgressResponse(await progress.forPosting(request.params.id, request.userId)),
  );

  app.get(
    '/progress',
    {
      schema: {
        ...doc('getProgress', 'Your progress for every job posting'),
        response: { 200: progressOverviewResponse, ...errors(401) },
      },
    },
    async (request) => toProgressOverviewResponse(await progress.overview(request.userId)),
  );
};
