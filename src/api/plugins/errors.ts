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

interface SchemaError {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
  data?: unknown;
  parentSchema?: { minimum?: number; maximum?: number; description?: string };
}

/**
 * Validation errors as one sentence naming the field; for numbers out of range, the whole range
 * and the value given (ajv runs verbose so the schema and data come with each error).
 */
export function formatSchemaErrors(errors: SchemaError[], dataVar: string): Error {
  const e = errors[0];
  const field = `${dataVar}${e.instancePath}`;
  let message = `${field} ${e.message ?? 'is invalid'}`;
  const p = e.parentSchema;
  if (
    (e.keyword === 'minimum' || e.keyword === 'maximum') &&
    p?.minimum !== undefined &&
    p.maximum !== undefined
  )
    message = `${field} must be from ${p.minimum} to ${p.maximum}, got ${JSON.stringify(e.data)}`;
  else if (e.keyword === 'additionalProperties' && e.params?.additionalProperty)
    message = `${field} has an unknown field '${String(e.params.additionalProperty)}'`;
  return new Error(message);
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
