/**
 * One error shape for every failure: { statusCode, error, message }. Validation errors become
 * 400 with the schema's complaint; unknown routes 404; anything unexpected 500 without internals.
 */
import fp from 'fastify-plugin';
import { STATUS_CODES } from 'node:http';

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

export const errorsPlugin = fp(
  async (app) => {
    app.setErrorHandler((err: Error & { statusCode?: number; validation?: unknown }, request, reply) => {
      const statusCode =
        err.statusCode && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
      // A 5xx we raised on purpose (HttpError, e.g. 503) says why; anything else stays opaque.
      const deliberate = err instanceof HttpError;
      if (statusCode >= 500 && !deliberate) request.log.error({ err }, 'request failed');
      const message = statusCode >= 500 && !deliberate ? 'internal error' : err.message;
      reply.status(statusCode).send({ statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message });
    });
    app.setNotFoundHandler((request, reply) => {
      reply
        .status(404)
        .send({ statusCode: 404, error: 'Not Found', message: `no route ${request.method} ${request.url}` });
    });
  },
  { name: 'errors' },
);
