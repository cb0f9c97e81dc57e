import { AsyncLocalStorage } from 'node:async_hooks';

/** What a log line written away from the request's own code (a stray rejection) can say about it. */
export interface RequestContext {
  requestId: string;
  method: string;
  path: string;
}

/**
 * The request being served, for code that runs in its asynchronous context but has no event at
 * hand: Node calls the process's `unhandledRejection` and `uncaughtException` listeners in the
 * context of the code that failed, so their log lines name the request.
 */
export const requestContext = new AsyncLocalStorage<RequestContext>();
