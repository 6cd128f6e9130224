// A load balancer for tests (issue 15 item 8): an HTTP proxy on 127.0.0.1 that sends each
// request to the next of several city server instances in turn, so one device's consecutive
// pushes land on different instances. It can lose the answer to a share of the pushes (the
// instance committed, the device never hears), so the device sends the batch again — to the
// other instance.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RoundRobin {
  url: string;
  /** Requests each instance was given, by path. */
  served: { instance: number; path: string; lost: boolean }[];
  /** Answers to pushes lost from now on, as a share (0 stops losing them). */
  loseShare(share: number): void;
  close(): Promise<void>;
}

export async function startRoundRobin(upstreams: string[], random: () => number): Promise<RoundRobin> {
  let next = 0;
  let lose = 0;
  const served: RoundRobin['served'] = [];
  const server = http.createServer((req, res) => {
    const instance = next++ % upstreams.length;
    const target = new URL(upstreams[instance]!);
    const path = (req.url ?? '/').split('?')[0]!;
    const lost = path === '/api/v1/sync/push' && random() < lose;
    served.push({ instance, path, lost });
    const out = http.request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } }, (answer) => {
      if (lost) {
        // Read to the end, so the instance has finished; then the line dies.
        answer.resume();
        answer.on('end', () => req.socket.destroy());
        return;
      }
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    out.on('error', () => req.socket.destroy());
    req.pipe(out);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    served,
    loseShare: (share) => (lose = share),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
