// A slow, lossy link on 127.0.0.1 (issue 15 item 5), as a township's mobile line: a TCP proxy
// in front of the city that carries every byte at a set rate — each direction one shared link,
// as a line is shared by whatever crosses it — delivers it half a round trip later, and cuts a
// seeded share of the connections at a random point of what they carry. It speaks no HTTP: the
// device's requests and the city's answers cross it as they would cross the real line.
import net from 'node:net';

export interface SlowLinkOptions {
  /** Where the city listens. */
  upstreamPort: number;
  /** Bits per second in each direction. */
  bitsPerSecond: number;
  /** Round trip added (half each way), ms. */
  roundTripMs: number;
  /** Share of connections cut mid-transfer. */
  cutShare: number;
  /** A cut connection is cut within this many bytes (both directions counted). */
  cutWithinBytes?: number;
  /** Bytes the link holds in flight per direction before the sender is held back. */
  bufferBytes?: number;
  /** Seeded random in [0, 1). */
  random: () => number;
}

export interface SlowLink {
  url: string;
  stats: { connections: number; cut: number; bytesUp: number; bytesDown: number };
  close(): Promise<void>;
}

const SLICE = 4096;

/** One direction of the link: bytes leave at the link's rate, in order, and arrive half a round trip later. */
function direction(o: SlowLinkOptions) {
  const bytesPerMs = o.bitsPerSecond / 8 / 1000;
  let freeAt = 0;
  return {
    /** When a slice of `n` bytes handed over now arrives at the far end. */
    arrival(n: number): number {
      const now = performance.now();
      freeAt = Math.max(freeAt, now) + n / bytesPerMs;
      return freeAt + o.roundTripMs / 2;
    },
  };
}

export async function startSlowLink(o: SlowLinkOptions): Promise<SlowLink> {
  const up = direction(o);
  const down = direction(o);
  const buffer = o.bufferBytes ?? 64 * 1024;
  const stats = { connections: 0, cut: 0, bytesUp: 0, bytesDown: 0 };
  const sockets = new Set<net.Socket>();

  // Half-open allowed: an end crossing the line must not overtake the bytes before it.
  const server = net.createServer({ allowHalfOpen: true }, (client) => {
    stats.connections++;
    const city = net.connect({ port: o.upstreamPort, host: '127.0.0.1', allowHalfOpen: true });
    const pair = [client, city];
    for (const s of pair) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {});
    }
    const cutAt = o.random() < o.cutShare ? Math.floor(o.random() * (o.cutWithinBytes ?? 1024 * 1024)) : Infinity;
    let carried = 0;
    let ended = false;
    const cut = () => {
      if (ended) return;
      ended = true;
      stats.cut++;
      for (const s of pair) s.destroy();
    };
    /**
     * Carries `from`'s bytes to `to` over one direction of the link. One queue, emptied in order
     * by one timer: a timer per slice could fire out of order after a long turn of the event loop.
     */
    const carry = (from: net.Socket, to: net.Socket, link: ReturnType<typeof direction>, count: (n: number) => void) => {
      const queue: { at: number; slice: Buffer }[] = [];
      let queued = 0;
      let timer: NodeJS.Timeout | null = null;
      let ending = false;
      let lost = false;
      const settle = () => (lost ? to.destroy() : to.end());
      const deliver = () => {
        timer = null;
        while (queue.length > 0 && queue[0]!.at <= performance.now()) {
          const { slice } = queue.shift()!;
          queued -= slice.length;
          count(slice.length);
          if (!to.destroyed) to.write(slice);
        }
        if (queued < buffer) from.resume();
        if (queue.length > 0) timer = setTimeout(deliver, queue[0]!.at - performance.now());
        else if (ending) settle();
      };
      from.on('data', (data: Buffer) => {
        for (let i = 0; i < data.length; i += SLICE) {
          const slice = data.subarray(i, i + SLICE);
          carried += slice.length;
          if (carried >= cutAt) return cut();
          queued += slice.length;
          queue.push({ at: link.arrival(slice.length), slice });
        }
        if (queued >= buffer) from.pause();
        timer ??= setTimeout(deliver, queue[0]!.at - performance.now());
      });
      // The end of one side reaches the other after everything sent before it; so does its loss.
      const finish = (how: 'end' | 'close') => {
        // A close with no end before it is a line lost, not a conversation finished.
        if (how === 'close' && !ending) lost = true;
        ending = true;
        if (queue.length === 0 && !timer) settle();
      };
      from.on('end', () => finish('end'));
      from.on('close', () => finish('close'));
    };
    carry(client, city, up, (n) => (stats.bytesUp += n));
    carry(city, client, down, (n) => (stats.bytesDown += n));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    stats,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
