// Serves the built console (console/, built by Vite into build/console) at `/`: its assets as
// files, and index.html for every other path outside the API, so a reload on /devices opens the
// console on that page. The pages hold no data; everything they show comes from /api/console.
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';

// The console loads its own scripts and styles only, and no page may frame it.
const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>市级信访管理控制台</title>
<p>控制台页面尚未构建：请运行 <code>npm run console:build</code> 后重启服务。</p>
<p>The console has not been built: run <code>npm run console:build</code> and restart the server.</p>`;

export const consolePages: FastifyPluginAsync<{ pagesDir: string | null }> = async (app, { pagesDir }) => {
  app.addHook('onSend', async (_request, reply) => {
    reply.header('content-security-policy', CSP).header('x-content-type-options', 'nosniff').header('referrer-policy', 'no-referrer');
  });
  if (!pagesDir) {
    app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.status(503).type('text/html; charset=utf-8').send(NOT_BUILT));
    return;
  }
  await app.register(fastifyStatic, { root: pagesDir, prefix: '/', wildcard: false, index: ['index.html'] });
  // Client-side routes of the console (/devices, /matters/…) are its one page; an unknown API
  // path still gets the API's JSON 404.
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    if (request.url.startsWith('/api/')) return reply.callNotFound();
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
};
