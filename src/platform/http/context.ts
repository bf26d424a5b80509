import type { preHandlerAsyncHookHandler } from 'fastify';

/** What app.ts hands a module's routes: the services they call, and the auth check. */
export type RouteContext<Services extends object> = Services & {
  authenticate: preHandlerAsyncHookHandler;
};
