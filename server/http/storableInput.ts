// Refuses with 400 invalid_request any request whose body, query or path holds what PostgreSQL
// cannot store (store/pgText.ts), U+0000 above all, before a route reads it: otherwise PGlite
// fails the statement with a 500 and PostgreSQL silently turns a lone surrogate into U+FFFD, and
// walking a body nested some thousands deep would exhaust the stack. The push keeps its body out
// of this, because there one bad event is quarantined and the rest of its batch still applies.
import type { FastifyInstance } from 'fastify';
import { MAX_DEPTH, unstorable } from '../store/pgText';
import { HttpError } from './errors';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route answers for unstorable text in its body itself; its query and path are still checked. */
    keepsUnstorableBody?: boolean;
  }
}

export function refuseUnstorableText(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const body = request.routeOptions.config.keepsUnstorableBody ? null : unstorable(request.body);
    // Spread into plain objects: the query parser's objects have a prototype of their own, which
    // unstorable would take for something other than parsed JSON and not walk.
    const reason = body ?? unstorable({ ...(request.query as object) }) ?? unstorable({ ...(request.params as object) });
    if (reason === 'too_deep') throw new HttpError(400, 'invalid_request', `内容嵌套超过 ${MAX_DEPTH} 层 / JSON nested deeper than ${MAX_DEPTH} levels`);
    if (reason) throw new HttpError(400, 'invalid_request', '内容含有 U+0000 或不成对的代理字符 / text contains U+0000 or a lone surrogate');
  });
}
