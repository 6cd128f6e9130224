// Routes declare their schemas in zod, mostly the ones domain/ shares with the device:
// fastify-type-provider-zod validates each request with them and types its handler from them
// (routes are FastifyPluginAsyncZod plugins), and encodes every answer through its response
// schema, so a route never sends a field its schema does not name. The OpenAPI document at
// /docs is generated from the same schemas.
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';

export function useZodSchemas(app: FastifyInstance): void {
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
}

/** @fastify/swagger `transform`: zod route schemas -> OpenAPI 3.0 schema objects. */
export const zodToOpenApi = jsonSchemaTransform;
