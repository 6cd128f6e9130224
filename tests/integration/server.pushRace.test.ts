// Two transactions claiming one matter id at once, on PostgreSQL (PGlite runs one transaction at a
// time, so the race cannot happen there): the registration statement looks keys up instead of
// relying on ON CONFLICT, so the push that loses must still end with a verdict, not a 500.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { type CityDbHandle, openCityDb } from '../../server/store/db';
import { matters } from '../../server/store/schema';
import { ADMIN_TOKEN, enrolledDevice, matterEvent, matterPayload, push, pushBody } from '../support/cityFixtures';
import { scratchDatabase } from '../../scripts/scratchPostgres';

const pgUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!pgUrl)('a matter id claimed by a transaction still in flight (PostgreSQL; skipped without TEST_DATABASE_URL)', () => {
  let handle: CityDbHandle;
  let app: FastifyInstance;
  let url: string;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ url, drop } = await scratchDatabase(pgUrl!, 'city_test'));
    handle = await openCityDb({ databaseUrl: url });
    app = await buildApp({ db: handle.db, adminToken: ADMIN_TOKEN, rateLimitPerMinute: 100_000, enrollRateLimitPerMinute: 10_000 });
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
    await drop?.();
  });

  it('answers matter_conflict once the other transaction commits, and stores the matter once', async () => {
    const device = await enrolledDevice(app);
    const matterId = randomUUID();
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    await other.query('BEGIN');
    await other.query(
      `INSERT INTO matters (matter_id, matter_no, county_code, device_id, visitor_id, visitor_name, document_type, document_number,
        visitor, representatives, channel, headcount, category_code, place_region, respondent, summary, facts, flags, received_at)
       VALUES ($1, 'OTHER-1', '410103', $2, $3, '李四', 'resident', '110105194912310021', '{}', '[]', 'visit', 1, '0101', '410103', '', '另一窗口', '', '{}', now())`,
      [matterId, randomUUID(), randomUUID()],
    );

    const answer = push(app, device, pushBody(device.deviceId, [matterEvent(1, { payload: matterPayload({ matterId }) })]));
    // The push reaches the matters key and waits there for the other transaction.
    const waiting = async () => (await other.query(`SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted`)).rows[0].n > 0;
    for (let i = 0; i < 200 && !(await waiting()); i++) await new Promise((r) => setTimeout(r, 10));
    expect(await waiting()).toBe(true);
    await other.query('COMMIT');
    await other.end();

    const r = await answer;
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ ackedSeq: 1, rejected: [{ seq: 1, code: 'matter_conflict' }] });
    expect(await handle.db.select({ matterNo: matters.matterNo }).from(matters).where(eq(matters.matterId, matterId))).toEqual([{ matterNo: 'OTHER-1' }]);
  });
});
