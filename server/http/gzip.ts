// Request bodies sent with `Content-Encoding: gzip` (DESIGN.md §4). Decompression is streamed
// and stops as soon as the output passes the route's body limit, so a small "zip bomb" costs
// at most that many bytes of memory and work and is answered 413.
import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { preParsingAsyncHookHandler } from 'fastify';
import { HttpError } from './errors';

const tooLarge = () => new HttpError(413, 'payload_too_large', '解压后的请求体过大 / decompressed body too large');

/** Fastify compares this with Content-Length, which counts the compressed bytes. */
type DecodedStream = Transform & { receivedEncodedLength: number };

function gunzipWithLimit(source: Readable, maxBytes: number): DecodedStream {
  const gunzip = createGunzip();
  let decoded = 0;
  const out = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      decoded += chunk.length;
      if (decoded > maxBytes) callback(tooLarge());
      else callback(null, chunk);
    },
  }) as DecodedStream;
  out.receivedEncodedLength = 0;
  const countEncoded = (chunk: Buffer) => {
    out.receivedEncodedLength += chunk.length;
  };
  const stop = () => {
    source.off('data', countEncoded);
    source.unpipe(gunzip);
    gunzip.destroy();
  };

  source.on('data', countEncoded);
  source.on('error', (err) => out.destroy(err));
  gunzip.on('error', () => out.destroy(new HttpError(400, 'invalid_gzip', '请求体不是有效的 gzip 数据 / body is not valid gzip')));
  out.on('error', stop);
  source.pipe(gunzip).pipe(out);
  return out;
}

export const decodeContentEncoding: preParsingAsyncHookHandler = async (request, _reply, payload) => {
  const encoding = (request.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding === 'identity') return payload;
  if (encoding === 'gzip' || encoding === 'x-gzip') return gunzipWithLimit(payload, request.routeOptions.bodyLimit);
  throw new HttpError(415, 'unsupported_encoding', `不支持的 Content-Encoding：${encoding} / unsupported content encoding`);
};
