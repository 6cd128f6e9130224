// Refuses with 400 invalid_request any request whose body, query or path holds text PostgreSQL
// cannot store (pgText.ts), before a route reads it: otherwise PGlite fails the statement with a
// 500 and PostgreSQL silently turns a lone surrogate into U+FFFD. The push opts out, because there
// one bad event is quarantined and the rest of its batch still applies.
import type { FastifyInstance } from 'fastify';
import { HttpError } from './errors';
import { unstorableText } from './pgText';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route answers for unstorable text itself. */
    keepsUnstorableText?: boolean;
  }
}

export function refuseUnstorableText(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (request.routeOptions.config.keepsUnstorableText) return;
    if (unstorableText(request.body) ?? unstorableText(request.query) ?? unstorableText(request.params)) {
      throw new HttpError(400, 'invalid_request', '内容含有 U+0000 或不成对的代理字符 / text contains U+0000 or a lone surrogate');
    }
  });
}
