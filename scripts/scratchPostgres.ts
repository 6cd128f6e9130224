/**
 * A throwaway PostgreSQL database beside the one a URL names, for tests, the crash harness and
 * the benches, so runs in parallel never meet. The role needs CREATEDB and nothing more.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';

export interface ScratchDatabase {
  url: string;
  drop: () => Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function scratchDatabase(url: string, prefix: string): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomUUID().replaceAll('-', '')}`;
  const run = async (sql: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  // FORCE ends connections a killed or failed run left open, but it may not signal an autovacuum
  // worker (no role this one is a member of) and then fails with 42501. A plain DROP asks such a
  // worker to stop and waits for it; if something else still holds the database, both are tried
  // again a moment later.
  const drop = async (): Promise<void> => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        return;
      } catch (e) {
        if ((e as { code?: string }).code !== '42501') throw e;
      }
      try {
        await run(`DROP DATABASE IF EXISTS ${name}`);
        return;
      } catch (e) {
        if ((e as { code?: string }).code !== '55006' || attempt >= 20) throw e;
      }
      await sleep(500);
    }
  };
  return { url: scratch.toString(), drop };
}
