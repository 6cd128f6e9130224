// The city server as its own process (the production bundle, scripts/bundles.mjs), on a fixed
// port so devices keep their address across restarts, on PGlite under a data folder or on a
// PostgreSQL database. It can be killed outright (SIGKILL) — at the moment a push arrives, read
// from its own request log — or stopped as an operator would (SIGTERM).
import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import readline from 'node:readline';

export interface CityProcessOptions {
  /** The bundled server's main.mjs. */
  entry: string;
  port: number;
  adminToken: string;
  /** PostgreSQL; otherwise PGlite under dataDir. */
  databaseUrl?: string;
  dataDir?: string;
}

export interface CityProcess {
  url: string;
  /** Called when a push request reaches the server (its log line "incoming request"). */
  onPush(listener: (() => void) | null): void;
  /** Push requests the server has begun and not yet answered. */
  pushesInFlight(): number;
  /** SIGKILL, and waits until the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM: requests in flight finish and the database is closed cleanly. */
  stop(): Promise<void>;
}

/** A port free now on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export async function startCityProcess(o: CityProcessOptions): Promise<CityProcess> {
  const { DATABASE_URL: _d, CITY_DATA_DIR: _c, ...inherited } = process.env;
  const env = {
    ...inherited,
    CITY_ADMIN_TOKEN: o.adminToken,
    HOST: '127.0.0.1',
    PORT: String(o.port),
    LOG_LEVEL: 'info',
    ...(o.databaseUrl ? { DATABASE_URL: o.databaseUrl } : { CITY_DATA_DIR: o.dataDir! }),
  };
  // Plain Node, as production runs the bundle.
  const child: ChildProcess = spawn(process.execPath, [o.entry], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let pushListener: (() => void) | null = null;
  const pushing = new Set<string>();
  const reqId = (line: string) => /"reqId":"([^"]+)"/.exec(line)?.[1] ?? '';
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));

  await new Promise<void>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (line.includes('"msg":"Server listening')) resolve();
      else if (line.includes('"msg":"incoming request"') && line.includes('"route":"/api/v1/sync/push"')) {
        pushing.add(reqId(line));
        pushListener?.();
      } else if (line.includes('"msg":"request completed"')) pushing.delete(reqId(line));
    });
    child.once('exit', (code, signal) => reject(new Error(`city server ended before listening (${signal ?? code}): ${stderr}`)));
  });

  return {
    url: `http://127.0.0.1:${o.port}`,
    onPush: (l) => (pushListener = l),
    pushesInFlight: () => pushing.size,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
