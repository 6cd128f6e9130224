// pino settings of the city server: every line carries the request id (Fastify's reqId) and, on
// device routes, the device id (http/auth.ts). Nothing personal is logged: requests are logged by
// their route pattern, not the URL (a document number can be part of one), bodies never, and a
// failed query's parameters are left out of its error.
import type { FastifyError, FastifyRequest, FastifyServerOptions } from 'fastify';

function serializeRequest(request: FastifyRequest) {
  return { method: request.method, route: request.routeOptions?.url ?? '(no route)', remoteAddress: request.ip };
}

function serializeError(err: FastifyError & { query?: unknown; params?: unknown }) {
  // drizzle's query errors put the bound values in the message (and so in the stack); the SQL
  // text alone is safe, and the database's code and constraint say what went wrong.
  if (err.params !== undefined && typeof err.query === 'string') {
    const message = `Failed query: ${err.query}`;
    const cause = err.cause as { code?: unknown; constraint?: unknown; table?: unknown } | undefined;
    return {
      type: err.name,
      message,
      stack: (err.stack ?? '').replace(err.message, message),
      cause: cause && { code: cause.code, constraint: cause.constraint, table: cause.table },
    };
  }
  return { type: err.name, message: err.message, stack: err.stack ?? '', code: err.code };
}

export function loggerOptions(logger: FastifyServerOptions['logger']): FastifyServerOptions['logger'] {
  if (!logger) return false;
  return { ...(logger === true ? {} : logger), serializers: { req: serializeRequest, err: serializeError } };
}
