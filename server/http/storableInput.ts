// Refuses with 400 invalid_request any request whose body, query or path holds what PostgreSQL
// cannot store (store/pgText.ts), before a route reads it: otherwise PGlite fails the statement with a
// 500 and PostgreSQL silently turns a lone surrogate into U+FFFD, and walking a body nested some
// thousands deep would exhaust the stack. The push opts out, because there
// one bad event is quarantined and the rest of its batch still applies.
import type { FastifyInstance } from 'fastify';
import { HttpError } from './errors';
import { MAX_DEPTH, unstorable } from '../store/pgText';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route answers for unstorable text itself. */
    keepsUnstorableText?: boolean;
  }
}

export function refuseUnstorableText(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (request.routeOptions.config.keepsUnstorableText) return;
    const reason = unstorable(request.body) ?? unstorable(request.query) ?? unstorable(request.params);
    if (reason === 'too_deep') throw new HttpError(400, 'invalid_request', `内容嵌套超过 ${MAX_DEPTH} 层 / JSON nested deeper than ${MAX_DEPTH} levels`);
    if (reason) throw new HttpError(400, 'invalid_request', '内容含有 U+0000 或不成对的代理字符 / text contains U+0000 or a lone surrogate');
  });
}
