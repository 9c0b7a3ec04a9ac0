/**
 * The one place where errors become HTTP responses: ShuyuError code → status (ERROR_CODES) and JSON
 * `{ error: { code, message, params, details, localizedMessage } }`. Unknown errors are 500 `internal`
 * with no stack trace; body-parser failures (malformed JSON, body too large) become usage / too_large.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ShuyuError, isShuyuError } from '../core/errors.js';
import { localizeError, pickLanguage } from '../i18n/index.js';

/** Shape of every error response body. */
export interface ErrorBody {
  error: ReturnType<ShuyuError['toJSON']> & { localizedMessage: string };
}

interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
  expose?: boolean;
}

/** Maps anything thrown to a ShuyuError (keeping ShuyuErrors as they are). */
export function asShuyuError(error: unknown): ShuyuError {
  if (isShuyuError(error)) return error;
  const e = (error ?? {}) as BodyParserError;
  switch (e.type) {
    case 'entity.parse.failed':
      return new ShuyuError('usage', 'The request body is not valid JSON', { cause: error });
    case 'entity.too.large':
      return new ShuyuError('too_large', `The request body is larger than ${e.limit ?? 'the limit'} bytes`, {
        params: { limit: e.limit },
        cause: error,
      });
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new ShuyuError('bad_encoding', 'The request body has an unsupported encoding', { cause: error });
    case 'request.aborted':
      return new ShuyuError('usage', 'The request was aborted', { cause: error });
  }
  if (typeof e.status === 'number' && e.status >= 400 && e.status < 500 && e.expose) {
    return new ShuyuError('usage', 'Bad request', { cause: error });
  }
  return new ShuyuError('internal', 'Internal server error', { cause: error });
}

/** Express error middleware (mounted last). */
export function errorHandler(options: { log?: (error: unknown) => void } = {}): ErrorRequestHandler {
  const log = options.log ?? ((error: unknown) => console.error(error));
  return (error, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const e = asShuyuError(error);
    if (e.code === 'internal') log(error);
    const lng = pickLanguage(req.get('accept-language'));
    const body: ErrorBody = { error: { ...e.toJSON(), localizedMessage: localizeError(e.code, lng, e.params, e.message) } };
    res.status(e.status).type('application/json').json(body);
  };
}

/** 404 JSON for /api paths no router handled (mounted under /api after the routers). */
export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new ShuyuError('not_found', `No API endpoint ${req.method} ${req.baseUrl}${req.path}`, { params: { path: `${req.baseUrl}${req.path}` } }));
};
