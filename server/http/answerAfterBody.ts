// A request refused before its body was read whole (413 over the limit, a 401 given before the
// body, a gzip bomb stopped half-way) is answered only once the rest of the body has arrived and
// been thrown away. Closing a connection while the client is still sending makes the kernel
// reset it, and a client that writes its whole request before reading — most do — then sees
// the reset instead of the answer (RFC 9112 §9.6). What is thrown away is bounded, so a client
// that never stops sending is cut off rather than read forever.
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';

export interface DiscardLimits {
  /** Bytes read and thrown away after the refusal before the connection is cut. */
  maxBytes: number;
  /** How long the rest of the body may take to arrive. */
  maxMs: number;
}

export const DISCARD_LIMITS: DiscardLimits = { maxBytes: 64 * 1024 * 1024, maxMs: 120_000 };

/** Resolves once the request's body has ended, or the connection has been cut for going past the limits. */
function discardRest(raw: IncomingMessage, limits: DiscardLimits): Promise<void> {
  return new Promise((resolve) => {
    let discarded = 0;
    const cut = () => {
      raw.socket.destroy();
      finish();
    };
    const onData = (chunk: Buffer) => {
      discarded += chunk.length;
      if (discarded > limits.maxBytes) cut();
    };
    const timer = setTimeout(cut, limits.maxMs);
    function finish() {
      clearTimeout(timer);
      raw.off('data', onData).off('end', finish).off('close', finish);
      resolve();
    }
    raw.on('data', onData).once('end', finish).once('close', finish);
    // A parser that stopped reading (the body limit, the gzip limit) left the stream paused, or
    // piped into a decoder nobody reads any more, which would pause it again.
    raw.unpipe();
    raw.resume();
  });
}

export function answerAfterBody(app: FastifyInstance, limits: DiscardLimits = DISCARD_LIMITS): void {
  app.addHook('onSend', async (request, _reply, payload) => {
    const raw = request.raw;
    if (!raw.complete && !raw.readableEnded && !raw.destroyed) await discardRest(raw, limits);
    return payload;
  });
}
