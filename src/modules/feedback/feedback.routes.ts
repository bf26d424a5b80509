import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteContext } from '../../platform/http/context.js';
import { operationDocs } from '../../platform/http/openapi.js';
import type { FeedbackService } from './feedback.service.js';
import type { ReportExportService } from './report-export/report-export.service.js';
import { errors, idParams } from '../../platform/http/schemas.js';
import { operationLocation, toOperationResponse } from '../operations/operations.presenter.js';
import { operationResponse } from '../operations/operations.schemas.js';
import { toFeedbackResponse, toReportResponse } from './feedback.presenter.js';
import {
  feedbackListQuery,
  feedbackResponse,
  messageParams,
  reportMarkdownFile,
  reportPdfFile,
  reportResponse,
} from './feedback.schemas.js';

const attachment = (fileName: string) => `attachment; filename="${fileName}"`;

export const feedbackRoutes: FastifyPluginAsyncZod<
  RouteContext<{ feedback: FeedbackService; reportExport: ReportExportService }>
> = async (app, { feedback, reportExport, authenticate }) => {
  app.addHook('onRequest', authenticate);
  const doc = operationDocs('feedback and reports');

  app.get(
    '/sessions/:id/feedback',
    {
      schema: {
        ...doc('listSessionFeedback', "The session's answer feedback, oldest first"),
        params: idParams,
        querystring: feedbackListQuery,
        response: { 200: z.array(feedbackResponse), ...errors(401, 404, 422) },
      },
    },
    async (request, reply) => {
      const { limit, cursor } = request.query;
      const page = await feedback.list(request.params.id, request.userId, limit, cursor);
      if (page.next) {
        const next = `/api/v1/sessions/${request.params.id}/feedback?limit=${limit}&cursor=${page.next}`;
        reply.header('Link', `<${next}>; rel="next"`);
      }
      return page.items.map(toFeedbackResponse);
    },
  );

  app.post(
    '/sessions/:id/answers/:message_id/feedback',
    {
      schema: {
        ...doc(
          'requestAnswerFeedback',
          'Evaluate an answer again (a new answer_feedback operation)',
        ),
        params: messageParams,
        response: { 202: operationResponse, ...errors(401, 404, 422, 429) },
      },
    },
    async (request, reply) => {
      const { id, message_id } = request.params;
      const op = await feedback.requestFeedback(id, request.userId, message_id);
      return reply
        .code(202)
        .header('Location', operationLocation(op.id))
        .send(toOperationResponse(op));
    },
  );

  app.post(
    '/sessions/:id/report',
    {
      schema: {
        ...doc('requestSessionReport', 'Build a new interview report (a session_report operation)'),
        params: idParams,
        response: { 202: operationResponse, ...errors(401, 404, 409, 422, 429) },
      },
    },
    async (request, reply) => {
      const op = await feedback.requestReport(request.params.id, request.userId);
      return reply
        .code(202)
        .header('Location', operationLocation(op.id))
        .send(toOperationResponse(op));
    },
  );

  app.get(
    '/sessions/:id/report',
    {
      schema: {
        ...doc('getSessionReport', 'The newest interview report of the session'),
        params: idParams,
        response: { 200: reportResponse, ...errors(401, 404, 422) },
      },
    },
    async (request) => toReportResponse(await feedback.report(request.params.id, request.userId)),
  );

  app.get(
    '/sessions/:id/report.md',
    {
      schema: {
        ...doc('downloadReportMarkdown', 'The newest interview report as a Markdown file'),
        params: idParams,
        response: { 200: reportMarkdownFile, ...errors(401, 404, 422) },
      },
    },
    async (request, reply) => {
      const file = await reportExport.markdown(request.params.id, request.userId);
      return reply
        .type('text/markdown; charset=utf-8')
        .header('Content-Disposition', attachment(file.fileName))
        .send(file.body);
    },
  );

  app.get(
    '/sessions/:id/report.pdf',
    {
      schema: {
        ...doc('downloadReportPdf', 'The newest interview report as a PDF file'),
        params: idParams,
        response: { 200: reportPdfFile, ...errors(401, 404, 422, 429, 503) },
      },
    },
    async (request, reply) => {
      const file = await reportExport.pdf(request.params.id, request.userId);
      return reply
        .type('application/pdf')
        .header('Content-Disposition', attachment(file.fileName))
        .send(file.body);
    },
  );
};
