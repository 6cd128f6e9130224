// A bare HTTP/1.1 client over a TCP socket, for what fetch hides: it writes a request head and a
// body of any size (declared or chunked), and only then reads the answer, as a simple client does.
// It reports what came back and whether the connection was reset before the answer could be read.
import net from 'node:net';

export interface RawAnswer {
  /** Everything the server sent, as text. */
  text: string;
  /** The status of the first answer, or null if none arrived whole. */
  status: number | null;
  /** The JSON body of the answer, when it had one. */
  json: unknown;
  /** The socket's error code (ECONNRESET, EPIPE …), if the connection failed. */
  error: string | null;
}

export interface RawRequest {
  port: number;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer;
  /** Transfer-Encoding: chunked instead of Content-Length. */
  chunked?: boolean;
  /** Content-Length to declare instead of the body's length. */
  declaredLength?: number;
}

const PIECE = 64 * 1024;

function parseAnswer(raw: Buffer): Pick<RawAnswer, 'status' | 'json'> {
  const text = raw.toString('utf8');
  const headEnd = text.indexOf('\r\n\r\n');
  if (headEnd < 0) return { status: null, json: null };
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? NaN);
  const length = Number(/\r\ncontent-length: *(\d+)/i.exec(text.slice(0, headEnd))?.[1] ?? NaN);
  const body = raw.subarray(Buffer.byteLength(text.slice(0, headEnd + 4)));
  if (!Number.isFinite(length) || body.length < length) return { status: null, json: null };
  try {
    return { status, json: JSON.parse(body.subarray(0, length).toString('utf8')) };
  } catch {
    return { status, json: null };
  }
}

/** Sends the request whole, as fast as the socket takes it, then reads until the server closes. */
export function sendRaw(r: RawRequest): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = net.connect(r.port, '127.0.0.1');
    const received: Buffer[] = [];
    let error: string | null = null;
    socket.on('data', (c: Buffer) => received.push(c));
    // Nothing is read before the request has been written whole.
    socket.pause();
    socket.on('error', (e: NodeJS.ErrnoException) => (error ??= e.code ?? e.message));
    socket.on('close', () => {
      const raw = Buffer.concat(received);
      resolve({ text: raw.toString('utf8'), ...parseAnswer(raw), error });
    });
    socket.setTimeout(60_000, () => socket.destroy(new Error('timeout')));

    const framing = r.chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': String(r.declaredLength ?? r.body.length) };
    const head = Object.entries({ host: `127.0.0.1:${r.port}`, connection: 'close', ...r.headers, ...framing })
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('');
    socket.write(`${r.method} ${r.path} HTTP/1.1\r\n${head}\r\n`);

    let offset = 0;
    const writeMore = () => {
      while (offset < r.body.length && !socket.destroyed) {
        const piece = r.body.subarray(offset, offset + PIECE);
        offset += piece.length;
        const frame = r.chunked ? Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n')]) : piece;
        if (!socket.write(frame)) return void socket.once('drain', writeMore);
      }
      if (socket.destroyed) return;
      if (r.chunked) socket.write('0\r\n\r\n');
      socket.resume();
    };
    socket.once('connect', writeMore);
  });
}
