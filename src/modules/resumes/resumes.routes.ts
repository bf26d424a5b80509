import multipart from '@fastify/multipart';
import type { FastifyError } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/errors.js';
import type { RouteContext } from '../../platform/http/context.js';
import type { ResumesService } from './resumes.service.js';
import { operationDocs } from '../../platform/http/openapi.js';
import { errors } from '../../platform/http/schemas.js';
import { toResumeResponse } from './resumes.presenter.js';
import {
  RESUME_MAX_FILE_BYTES,
  resumeBody,
  resumeFileBody,
  resumeResponse,
} from './resumes.schemas.js';

export const resumesRoutes: FastifyPluginAsyncZod<
  RouteContext<{ resumes: ResumesService }>
> = async (app, { resumes, authenticate }) => {
  // Before the body is read: an upload is buffered while the body is parsed.
  app.addHook('onRequest', authenticate);
  // Scoped to this plugin: only resume routes accept multipart bodies.
  await app.register(multipart, {
    attachFieldsToBody: true,
    limits: { files: 1, fileSize: RESUME_MAX_FILE_BYTES, fields: 10, fieldSize: 1024, parts: 11 },
  });
  app.setErrorHandler((err) => {
    throw multipartError(err as FastifyError) ?? err; // the rest goes to the app's handler
  });
  const doc = operationDocs('resume');

  app.put(
    '/users/me/resume',
    {
      schema: {
        ...doc('saveResume', 'Replace the resume with plain text'),
        body: resumeBody,
        response: { 200: resumeResponse },
      },
    },
    async (request) => toResumeResponse(await resumes.save(request.userId, request.body.content)),
  );

  app.post(
    '/users/me/resume/file',
    {
      schema: {
        ...doc('uploadResumeFile', 'Replace the resume with the text of a PDF, DOCX or TXT file'),
        consumes: ['multipart/form-data'],
        body: resumeFileBody,
        response: { 200: resumeResponse },
      },
    },
    async (request) => {
      const { file } = request.body;
      const content = await file.toBuffer();
      const resume = await resumes.saveFile(request.userId, {
        content,
        filename: file.filename,
        mimetype: file.mimetype,
      });
      return toResumeResponse(resume);
    },
  );

  app.get(
    '/users/me/resume',
    {
      schema: {
        ...doc('getResume', 'Read the resume'),
        response: { 200: resumeResponse, ...errors(404) },
      },
    },
    async (request) => toResumeResponse(await resumes.get(request.userId)),
  );
};

/** The multipart plugin's own errors, in words for the person uploading. */
function multipartError(err: FastifyError): AppError | undefined {
  switch (err.code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return new AppError(
        'PAYLOAD_TOO_LARGE',
        'The file is larger than 5 MB. Upload a smaller file or paste the text instead.',
      );
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new AppError('PAYLOAD_TOO_LARGE', 'Upload one file, in the field "file".');
    case 'FST_INVALID_JSON_FIELD_ERROR':
    case 'FST_PROTO_VIOLATION':
      return new AppError('VALIDATION_ERROR', 'The form could not be read.', {
        errors: [{ field: 'body', message: 'must be a form with one file in the field "file"' }],
      });
    default:
      return undefined;
  }
}
