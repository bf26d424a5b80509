import type { preHandlerAsyncHookHandler } from 'fastify';
import type { Deps } from '../../deps.js';

/** What app.ts hands every module plugin. */
export interface AppContext {
  deps: Deps;
  authenticate: preHandlerAsyncHookHandler;
}
