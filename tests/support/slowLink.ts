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

  const server = net.createServer((client) => {
    stats.connections++;
    const city = net.connect(o.upstreamPort, '127.0.0.1');
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
    const close = () => {
      for (const s of pair) s.destroy();
    };

    /** Carries `from`'s bytes to `to` over one direction of the link. */
    const carry = (from: net.Socket, to: net.Socket, link: ReturnType<typeof direction>, count: (n: number) => void) => {
      let inFlight = 0;
      let lastArrival = 0;
      from.on('data', (data: Buffer) => {
        for (let i = 0; i < data.length; i += SLICE) {
          const slice = data.subarray(i, i + SLICE);
          carried += slice.length;
          if (carried >= cutAt) return cut();
          inFlight += slice.length;
          // Arrivals keep their order even when timers fire late.
          lastArrival = Math.max(lastArrival, link.arrival(slice.length));
          setTimeout(() => {
            inFlight -= slice.length;
            count(slice.length);
            if (!to.destroyed) to.write(slice);
            if (inFlight < buffer) from.resume();
          }, lastArrival - performance.now());
        }
        if (inFlight >= buffer) from.pause();
      });
      // The end of one side reaches the other after everything sent before it.
      from.on('end', () => setTimeout(() => to.end(), Math.max(0, lastArrival - performance.now()) + 1));
      from.on('close', () => setTimeout(close, Math.max(0, lastArrival - performance.now()) + 1));
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
