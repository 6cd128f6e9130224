// The one error shape of the city API (domain/sync/events.ts apiErrorSchema): every failure of
// every route answers JSON {code, message} with a stable snake_case code, and nothing of a stack
// trace or an internal message ever reaches the client.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { apiErrorSchema } from '../../domain/sync/events';

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly extra: Omit<z.infer<typeof apiErrorSchema>, 'code' | 'message'> = {},
  ) {
    super(message);
  }
}

// Errors raised by Fastify itself or its plugins, by their own codes.
const FRAMEWORK_CODES: Record<string, { code: string; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'payload_too_large', message: '请求体过大 / request body too large' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'invalid_json', message: '请求体不是有效的 JSON / body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'invalid_json', message: '请求体为空 / empty JSON body' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'unsupported_media_type', message: '不支持的内容类型 / unsupported content type' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'bad_request', message: 'Content-Length 与请求体不符 / content length mismatch' },
  FST_ERR_BAD_URL: { code: 'bad_url', message: '地址含有无法解码的字符 / the URL cannot be decoded' },
  FST_ERR_MAX_PARAM_LENGTH: { code: 'bad_url', message: '地址中的参数过长 / a path parameter is too long' },
};

/** Fastify's `frameworkErrors`: what the router refuses before any route or error handler sees it, in the same shape. */
export function answerRouterErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  reply.status(400).send(FRAMEWORK_CODES[error.code] ?? { code: 'bad_request', message: '请求无效 / bad request' });
}

const STATUS_CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

/** 400 invalid_request, naming where each problem is. */
export function invalidRequest(problems: { path: string; message: string }[]): HttpError {
  const listed = problems.map((p) => `${p.path || '(root)'}: ${p.message}`).join('; ');
  return new HttpError(400, 'invalid_request', `请求格式不正确 / invalid request: ${listed}`);
}

export function registerErrorHandling(app: FastifyInstance): void {
  // Declared for every route here rather than route by route: the OpenAPI document shows the one
  // shape, and the answer is encoded through it like any other.
  app.addHook('onRoute', (route) => {
    route.schema = { ...route.schema, response: { ...(route.schema?.response as object), '4xx': apiErrorSchema, '5xx': apiErrorSchema } };
  });

  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    if (error instanceof HttpError) {
      return reply.status(error.statusCode).send({ code: error.code, message: error.message, ...error.extra });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = (instancePath: string) => [error.validationContext, ...instancePath.split('/')].filter(Boolean).join('.');
      const e = invalidRequest(error.validation.map((v) => ({ path: where(v.instancePath), message: v.message ?? '' })));
      return reply.status(400).send({ code: e.code, message: e.message });
    }
    const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status >= 500 || status < 400) {
      request.log.error({ err: error }, 'request failed');
      return reply.status(500).send({ code: 'internal_error', message: '服务器内部错误 / internal server error' });
    }
    const known = FRAMEWORK_CODES[error.code];
    if (known) return reply.status(status).send(known);
    return reply.status(status).send({ code: STATUS_CODES[status] ?? 'bad_request', message: error.message });
  });

  // Unknown paths count against the rate limit too, so probing them is not free.
  app.setNotFoundHandler({ preHandler: app.rateLimit() }, (request, reply) => {
    reply.status(404).send({ code: 'not_found', message: `没有这个地址 / no route ${request.method} ${request.url}` });
  });
}
