// PUT and HEAD /api/v1/sync/attachments/:sha256 (DESIGN.md §4): raw bytes in, resumable with
// Content-Range; HEAD tells a device where to resume (Upload-Offset). Registered as its own
// plugin so the raw-bytes body parser and the 20 MiB body limit apply to this route only. A
// device sees only its own county's files (city/attachments.ts). A PUT cut off half-way keeps the
// bytes that arrived (http/partialBody.ts), so the device resumes from the break.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { chunkRange, declaredRange, MAX_ATTACHMENT_BYTES, storeChunk, type UploadState, uploadState } from '../city/attachments';
import { requireDevice } from '../http/auth';
import { HttpError } from '../http/errors';
import { bytesKeepingPrefix } from '../http/partialBody';
import type { CityDb } from '../store/db';

const params = z.strictObject({
  sha256: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, { error: 'sha256 应为64位十六进制 / sha256 must be 64 hex digits' })
    .transform((s) => s.toLowerCase()),
});

// Only the octet-stream parser is registered here, so a body is a Buffer, or absent for an empty file.
const rawBytes = z.custom<Buffer | undefined>((b) => b === undefined || Buffer.isBuffer(b)).meta({ type: 'string', format: 'binary' });
const uploadStateSchema = z.object({ sha256: z.string(), received: z.number().int(), total: z.number().int(), complete: z.boolean() });
const security = [{ deviceToken: [] }];

function withOffset(reply: FastifyReply, state: UploadState): FastifyReply {
  return reply.header('Upload-Offset', String(state.received)).header('Upload-Length', String(state.total));
}

export const attachmentRoutes: FastifyPluginAsyncZod<{ db: CityDb }> = async (app, { db }) => {
  /** The bytes that arrived of a chunk cut off, kept as the next part of the upload. */
  async function keepPrefix(request: FastifyRequest, prefix: Buffer): Promise<void> {
    const name = params.safeParse(request.params);
    if (!request.device || !name.success || prefix.length === 0) return;
    const declared = declaredRange(request.headers['content-range']);
    const range = declared ?? { start: 0, end: Number(request.headers['content-length']) - 1, total: Number(request.headers['content-length']) };
    if (!(range.total > 0) || prefix.length >= range.end - range.start + 1) return;
    await storeChunk(db, request.device, name.data.sha256, { start: range.start, total: range.total }, prefix, { extendOnly: true });
  }

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/octet-stream', bytesKeepingPrefix(keepPrefix));
  const onRequest = requireDevice(db);

  app.put(
    '/api/v1/sync/attachments/:sha256',
    {
      bodyLimit: MAX_ATTACHMENT_BYTES,
      onRequest,
      // A declared total over the limit is refused before a byte of the body is read.
      preParsing: async (request, _reply, payload) => {
        declaredRange(request.headers['content-range']);
        return payload;
      },
      schema: { tags: ['sync'], security, params, consumes: ['application/octet-stream'], body: rawBytes, response: { 200: uploadStateSchema, 201: uploadStateSchema } },
    },
    async (request, reply) => {
      const chunk = request.body ?? Buffer.alloc(0);
      const { sha256 } = request.params;
      const range = chunkRange(request.headers['content-range'], chunk.length);
      const state = await storeChunk(db, request.device!, sha256, range, chunk);
      if (state.complete) request.log.info({ sha256, size: state.total, created: state.created }, 'attachment stored');
      const { created, ...body } = state;
      return withOffset(reply, state)
        .status(created ? 201 : 200)
        .send({ sha256, ...body });
    },
  );

  app.head(
    '/api/v1/sync/attachments/:sha256',
    {
      onRequest,
      // @fastify/swagger leaves HEAD routes out unless asked; this one is part of the protocol.
      config: { swagger: { exposeHeadRoute: true } },
      schema: { tags: ['sync'], security, params, response: { 200: z.undefined() } },
    },
    async (request, reply) => {
      const state = await uploadState(db, request.device!, request.params.sha256);
      if (!state) throw new HttpError(404, 'attachment_not_found', '市里没有这个附件 / no such attachment');
      return withOffset(reply, state).header('Upload-Complete', state.complete ? '1' : '0').status(200).send();
    },
  );
};
