// `npm run server`: starts the city server from environment settings (DESIGN.md §5):
// HOST, PORT, DATABASE_URL (PostgreSQL) or CITY_DATA_DIR (PGlite), and CITY_ADMIN_TOKEN.
import { buildApp } from './app';
import { openCityDb } from './store/db';

const adminToken = process.env.CITY_ADMIN_TOKEN;
if (!adminToken) {
  console.error('未设置 CITY_ADMIN_TOKEN，市级服务无法启动。 CITY_ADMIN_TOKEN is not set, so the city server will not start.');
  process.exit(1);
}

const host = process.env.HOST || '127.0.0.1';
const port = Number(process.env.PORT || 8787);
const databaseUrl = process.env.DATABASE_URL || undefined;
const dataDir = process.env.CITY_DATA_DIR || './.city-data';

const city = await openCityDb(databaseUrl ? { databaseUrl } : { dataDir });
const app = await buildApp({ db: city.db, adminToken, logger: { level: process.env.LOG_LEVEL || 'info' } });

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
app.log.info({ store: databaseUrl ? 'postgresql' : `pglite:${dataDir}` }, 'city server ready');
