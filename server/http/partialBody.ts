// A raw-bytes body parser that keeps what arrived of a body cut off half-way (issue 15 item 5):
// on a lossy line a 500 KB scan can break at 400 KB, and the upload should go on from there,
// not from byte 0 (as tus does). The bytes before the break are handed to `keepPrefix`; the
// request itself still fails, and the device asks where to resume (HEAD) before sending more.
import type { FastifyRequest } from 'fastify';
import { HttpError } from './errors';

const tooLarge = () => new HttpError(413, 'payload_too_large', '请求体过大 / request body too large');

/**
 * Fastify content-type parser (given the body as a stream): the whole body as a Buffer, the
 * route's body limit enforced; a body that breaks off calls `keepPrefix` with the bytes that
 * came before answering the error.
 */
export function bytesKeepingPrefix(keepPrefix: (request: FastifyRequest, prefix: Buffer) => Promise<void>) {
  return (request: FastifyRequest, payload: NodeJS.ReadableStream, done: (err: Error | null, body?: Buffer) => void): void => {
    const limit = request.routeOptions.bodyLimit;
    if (Number(request.headers['content-length']) > limit) return done(tooLarge());
    const chunks: Buffer[] = [];
    let received = 0;
    let settled = false;
    const settle = (err: Error | null, body?: Buffer) => {
      if (settled) return;
      settled = true;
      payload.removeListener('data', onData);
      done(err, body);
    };
    function onData(chunk: Buffer) {
      received += chunk.length;
      if (received > limit) return settle(tooLarge());
      chunks.push(chunk);
    }
    payload.on('data', onData);
    payload.on('end', () => settle(null, Buffer.concat(chunks, received)));
    // The connection broke mid-body ('aborted', ECONNRESET): keep the prefix, then fail.
    const broke = (err?: Error) => {
      if (settled) return;
      const prefix = Buffer.concat(chunks, received);
      const failure = err ?? new HttpError(400, 'body_interrupted', '请求体未传完 / the body was cut off');
      void keepPrefix(request, prefix)
        .catch((e: unknown) => request.log.warn({ err: e }, 'could not keep the bytes of an interrupted upload'))
        .finally(() => settle(failure));
    };
    payload.on('error', broke);
    payload.on('close', () => broke());
  };
}
