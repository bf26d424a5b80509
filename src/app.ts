import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from './deps.js';
import { createAuthenticate } from './platform/http/auth.js';
import {
  answerFrameworkError,
  databaseUnavailable,
  registerErrorHandlers,
  sendError,
} from './platform/http/error-handler.js';
import { registerOpenApi } from './platform/http/openapi.js';
import { lazyRequestLogger } from './platform/http/request-logger.js';
import { responseSerializer } from './platform/http/response-serializer.js';
import { serverTimeouts } from './platform/http/server-timeouts.js';
import { registerSecurityHeaders } from './platform/http/security-headers.js';
import { registerWeb } from './platform/http/web.js';
import { accountRoutes } from './modules/account/account.routes.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { jobPostingsRoutes } from './modules/job-postings/job-postings.routes.js';
import { llmSettingsRoutes } from './modules/llm-settings/llm-settings.routes.js';
import { feedbackRoutes } from './modules/feedback/feedback.routes.js';
import { operationsRoutes } from './modules/operations/operations.routes.js';
import { progressRoutes } from './modules/progress/progress.routes.js';
import { resumesRoutes } from './modules/resumes/resumes.routes.js';
import { sessionsRoutes } from './modules/sessions/sessions.routes.js';

export interface AppOptions {
  /** A log line per request. Off in production: it costs more than the 202 itself. */
  logRequests?: boolean;
}

/** The HTTP application over its dependencies. Never listens; main.ts and tests decide that. */
export async function buildApp(
  deps: Deps,
  { logRequests = false }: AppOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    // Errors are logged with the request id either way.
    logController: new LogController({ disableRequestLogging: !logRequests }),
    // A request's child logger (with its id) is made only when the request logs.
    childLoggerFactory: lazyRequestLogger,
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
    ...serverTimeouts(deps.config.requestTimeoutMs),
    frameworkErrors: answerFrameworkError,
  }).withTypeProvider<ZodTypeProvider>();

  // Infrastructure.
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializer);
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
  // How busy requests are: a worker in this process yields to them (start-worker.ts).
  app.addHook('onRequest', (_request, _reply, done) => {
    deps.requests.note();
    done();
  });

  // Cross-cutting.
  registerErrorHandlers(app);
  await registerOpenApi(app);
  app.addHook('preClose', async () => {
    await deps.watcher.stop(); // long-polls answer now instead of holding shutdown up
  });

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  // Ready means the database answers: one round trip, bounded by the pool's timeouts.
  app.get('/readyz', { schema: { hide: true } }, async (request, reply) => {
    try {
      await deps.db.query('SELECT 1', [], 'readyz');
      return { status: 'ready' };
    } catch (err) {
      request.log.debug({ err: (err as Error).message }, 'database not reachable');
      return sendError(reply, databaseUnavailable());
    }
  });
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) =>
    reply.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics()),
  );

  // Modules.
  // Each module's routes get only the services they call.
  const authenticate = createAuthenticate(deps.tokens.verifyClaims);
  const {
    auth,
    loginThrottle,
    resumes,
    jobPostings,
    sessions,
    operations,
    account,
    llmSettings,
    feedback,
    reportExport,
    modelProbe,
    progress,
  } = deps.services;
  await app.register(
    async (api) => {
      await api.register(authRoutes, { auth, loginThrottle, authenticate });
      await api.register(resumesRoutes, { resumes, authenticate });
      await api.register(jobPostingsRoutes, { jobPostings, authenticate });
      await api.register(sessionsRoutes, { sessions, authenticate });
      await api.register(operationsRoutes, { operations, authenticate });
      await api.register(accountRoutes, { account, authenticate });
      await api.register(llmSettingsRoutes, { llmSettings, modelProbe, authenticate });
      await api.register(feedbackRoutes, { feedback, reportExport, authenticate });
      await api.register(progressRoutes, { progress, authenticate });
    },
    { prefix: '/api/v1' },
  );
  await registerWeb(app);
  return app;
}
