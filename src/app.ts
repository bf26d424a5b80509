import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Deps } from './deps.js';
import { createAuthenticate } from './platform/http/auth.js';
import type { AppContext } from './platform/http/context.js';
import { registerErrorHandlers } from './platform/http/error-handler.js';
import { registerOpenApi } from './platform/http/openapi.js';
import { registerSecurityHeaders } from './platform/http/security-headers.js';
import { registerWeb } from './platform/http/web.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { jobPostingsRoutes } from './modules/job-postings/job-postings.routes.js';
import { feedbackRoutes } from './modules/feedback/feedback.routes.js';
import { operationsRoutes } from './modules/operations/operations.routes.js';
import { resumesRoutes } from './modules/resumes/resumes.routes.js';
import { sessionsRoutes } from './modules/sessions/sessions.routes.js';

/** The HTTP application over its dependencies. Never listens; main.ts and tests decide that. */
export async function buildApp(deps: Deps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    // Per-request lines cost more than the 202 itself; errors are still logged with the request id.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();

  // Infrastructure.
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Many clients send `Content-Type: application/json` with an empty body on a bodiless
  // POST (pause, generate-question): treat that as no body, not as malformed JSON.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body.toString();
    if (text.trim() === '') return done(null, undefined);
    return parseJson(request, text, done);
  });
  registerSecurityHeaders(app);

  // Cross-cutting.
  registerErrorHandlers(app);
  await registerOpenApi(app);
  app.addHook('preClose', async () => {
    await deps.watcher.stop(); // long-polls answer now instead of holding shutdown up
  });

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) =>
    reply.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics()),
  );

  // Modules.
  const context: AppContext = { deps, authenticate: createAuthenticate(deps.tokens) };
  await app.register(
    async (api) => {
      await api.register(authRoutes, context);
      await api.register(resumesRoutes, context);
      await api.register(jobPostingsRoutes, context);
      await api.register(sessionsRoutes, context);
      await api.register(operationsRoutes, context);
      await api.register(feedbackRoutes, context);
    },
    { prefix: '/api/v1' },
  );
  await registerWeb(app);
  return app;
}
