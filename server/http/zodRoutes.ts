// Lets routes declare their schemas as zod (the same schemas domain/ shares with the device):
// zod validates requests, responses are written as plain JSON, and the OpenAPI document at
// /docs is generated from the same zod schemas.
import type { SwaggerTransform } from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

function toOpenApi(schema: unknown, io: 'input' | 'output'): unknown {
  return schema instanceof z.ZodType ? z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) : schema;
}

export function useZodSchemas(app: FastifyInstance): void {
  app.setValidatorCompiler(({ schema }) => (data) => {
    const r = (schema as z.ZodType).safeParse(data);
    return r.success ? { value: r.data } : { error: r.error };
  });
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
}

/** @fastify/swagger `transform`: zod route schemas -> OpenAPI 3.0 schema objects. */
export const zodToOpenApiTransform: SwaggerTransform = ({ schema, url }) => {
  if (!schema) return { schema, url };
  const out: Record<string, unknown> = { ...schema };
  for (const part of ['body', 'querystring', 'params', 'headers'] as const) {
    if (schema[part] !== undefined) out[part] = toOpenApi(schema[part], 'input');
  }
  if (schema.response) {
    out.response = Object.fromEntries(
      Object.entries(schema.response as Record<string, unknown>).map(([status, s]) => [status, toOpenApi(s, 'output')]),
    );
  }
  return { schema: out, url };
};
