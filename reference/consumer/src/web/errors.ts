/** Page errors: every failure the person can cause ends as a page with a sentence, never a stack trace. */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { ProviderError } from '../client/http.js';
import { sendErrorPage } from './views/simple-pages.js';

export class PageError extends Error {
  constructor(readonly status: number, readonly title: string, readonly detail: string) {
    super(detail);
  }
}

export const notFound = (): RequestHandler => () => {
  throw new PageError(404, 'Not found', 'There is no page at this address.');
};

export function errorHandler(log: Logger | null): ErrorRequestHandler {
  return (err: unknown, _req, res, _next) => {
    if (res.headersSent) return;
    const csrf = typeof res.locals.csrf === 'string' ? res.locals.csrf : undefined;
    if (err instanceof PageError) return sendErrorPage(res, err.status, err.title, err.detail, csrf);
    if (err instanceof ProviderError) return sendErrorPage(res, 502, 'The provider could not be used', err.message, csrf);
    const e = err as { type?: string; status?: number };
    if (e.type === 'entity.too.large') return sendErrorPage(res, 413, 'Too much data', 'The form sent more data than the wallet accepts.', csrf);
    if (e.status === 400 || e.type === 'entity.parse.failed') return sendErrorPage(res, 400, 'Bad request', 'The form data could not be read.', csrf);
    log?.error({ err: { message: (err as Error)?.message, name: (err as Error)?.name } }, 'unexpected error');
    sendErrorPage(res, 500, 'Something went wrong', 'The wallet hit an unexpected error. Nothing was changed; please try again.', csrf);
  };
}
