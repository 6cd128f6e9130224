// `npm run server`: starts the city server from environment settings (DESIGN.md §5):
// HOST, PORT, DATABASE_URL (PostgreSQL) or CITY_DATA_DIR (PGlite), CITY_ADMIN_TOKEN, and
// CITY_TLS_CERT with CITY_TLS_KEY (PEM file paths) to serve HTTPS.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app';
import { openCityDb } from './store/db';

function refuse(why: string): never {
  console.error(why);
  process.exit(1);
}

const adminToken = process.env.CITY_ADMIN_TOKEN;
if (!adminToken) refuse('未设置 CITY_ADMIN_TOKEN，市级服务无法启动。 CITY_ADMIN_TOKEN is not set, so the city server will not start.');

/** The certificate and key when both are named; refuses to start on one without the other, or on a file it cannot read. */
function tlsFiles(certPath: string | undefined, keyPath: string | undefined) {
  if (!certPath && !keyPath) return undefined;
  if (!certPath || !keyPath) refuse('CITY_TLS_CERT 与 CITY_TLS_KEY 须同时设置。 Set both CITY_TLS_CERT and CITY_TLS_KEY, or neither.');
  try {
    return { cert: readFileSync(certPath), key: readFileSync(keyPath) };
  } catch (e) {
    refuse(`无法读取证书或私钥文件：${(e as Error).message}。 Cannot read the TLS certificate or key.`);
  }
}

const https = tlsFiles(process.env.CITY_TLS_CERT || undefined, process.env.CITY_TLS_KEY || undefined);
const host = process.env.HOST || '127.0.0.1';
const port = Number(process.env.PORT || 8787);
const databaseUrl = process.env.DATABASE_URL || undefined;
const dataDir = process.env.CITY_DATA_DIR || './.city-data';

/**
 * The built console (npm run console:build): build/console, beside build/server when this runs
 * built. Known by Vite's manifest, so the console's sources are never served in its place.
 */
function consolePagesDir(): string | null {
  const candidates = [fileURLToPath(new URL('../build/console/', import.meta.url)), fileURLToPath(new URL('../console/', import.meta.url))];
  return candidates.find((dir) => existsSync(`${dir}/.vite/manifest.json`)) ?? null;
}

const city = await openCityDb(databaseUrl ? { databaseUrl } : { dataDir });
const pagesDir = consolePagesDir();
const app = await buildApp({ db: city.db, adminToken, https, logger: { level: process.env.LOG_LEVEL || 'info' }, consolePagesDir: pagesDir });
if (!pagesDir) app.log.warn('the console is not built (npm run console:build): / says so');

// Finish requests in flight and close the database cleanly, so PGlite's files are left consistent.
let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'shutting down');
  await app.close();
  await city.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));

await app.listen({ host, port });
app.log.info({ store: databaseUrl ? 'postgresql' : `pglite:${dataDir}`, https: https !== undefined }, 'city server ready');
