// Migrations that move data, run on a city database holding rows written by the schema before
// them (PGlite; the same SQL runs on PostgreSQL).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';

const folder = fileURLToPath(new URL('../../server/store/migrations/', import.meta.url));
const files = readdirSync(folder)
  .filter((f) => f.endsWith('.sql'))
  .sort();

async function migrate(db: PGlite, file: string): Promise<void> {
  for (const statement of readFileSync(folder + file, 'utf8').split('--> statement-breakpoint')) await db.exec(statement);
}

describe('0005: the first visit moves into its matter', () => {
  it('keeps every visit, first and repeat, as all_visits shows them', async () => {
    const db = new PGlite();
    const upTo = files.findIndex((f) => f.startsWith('0005_'));
    for (const f of files.slice(0, upTo)) await migrate(db, f);
    const device = 'a0000000-0000-4000-8000-000000000001';
    const matter = 'b0000000-0000-4000-8000-000000000001';
    const first = 'c0000000-0000-4000-8000-000000000001';
    const repeat = 'c0000000-0000-4000-8000-000000000002';
    await db.query(
      `INSERT INTO matters (matter_id, matter_no, county_code, device_id, visitor_id, visitor_name, document_type, document_number, visitor,
        representatives, channel, headcount, category_code, place_region, respondent, summary, facts, flags, received_at)
       VALUES ($1, '410102-D001-2026-000001', '410102', $2, $3, '张三', 'resident', '11010519491231002X', '{}', '[]', 'visit', 2, '0101', '410102', '', '供暖', '', '{}', '2026-03-01T00:30:00Z')`,
      [matter, device, 'd0000000-0000-4000-8000-000000000001'],
    );
    const visit = `INSERT INTO visits (visit_id, matter_id, county_code, device_id, kind, document_type, document_number, visitor_name, channel, headcount, terminated_matter, received_at)
      VALUES ($1, $2, '410102', $3, $4, 'resident', '11010519491231002X', '张三', 'visit', $5, $6, $7)`;
    await db.query(visit, [first, matter, device, 'first', 2, false, '2026-03-01T00:30:00Z']);
    await db.query(visit, [repeat, matter, device, 'repeat', 1, true, '2026-03-10T01:00:00Z']);
    const before = (await db.query('SELECT * FROM visits ORDER BY visit_id')).rows;

    await migrate(db, files[upTo]!);

    expect((await db.query('SELECT first_visit_id FROM matters')).rows).toEqual([{ first_visit_id: first }]);
    expect((await db.query('SELECT visit_id FROM visits')).rows).toEqual([{ visit_id: repeat }]);
    expect((await db.query('SELECT * FROM all_visits ORDER BY visit_id')).rows).toEqual(before);
    await db.close();
  });
});

describe('0006: enrolment codes expire, lookups are recorded', () => {
  it('gives a code issued before it seven days from its creation, and keeps the 证件 indexes under their new names', async () => {
    const db = new PGlite();
    const upTo = files.findIndex((f) => f.startsWith('0006_'));
    for (const f of files.slice(0, upTo)) await migrate(db, f);
    await db.query(
      `INSERT INTO devices (id, county_code, name, device_code, enrollment_code_hash, created_at)
       VALUES ('a0000000-0000-4000-8000-000000000001', '410102', '窗口', 'D001', 'h', '2026-03-01T00:00:00Z')`,
    );

    await migrate(db, files[upTo]!);

    const [device] = (await db.query<{ expires: string }>(`SELECT to_char(enrollment_expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI') AS expires FROM devices`)).rows;
    expect(device).toEqual({ expires: '2026-03-08T00:00' });
    const indexes = (await db.query<{ indexname: string }>(`SELECT indexname FROM pg_indexes WHERE indexname LIKE '%credential%' ORDER BY indexname`)).rows;
    expect(indexes.map((i) => i.indexname)).toEqual(['matters_credential_idx', 'person_lookups_credential_idx', 'visits_credential_idx']);
    await db.close();
  });
});

describe('0008: the termination register', () => {
  it('takes in the matters terminated before it, each with a change number after the counter, the person hashed', async () => {
    const db = new PGlite();
    const upTo = files.findIndex((f) => f.startsWith('0008_'));
    for (const f of files.slice(0, upTo)) await migrate(db, f);
    await db.query(`INSERT INTO change_counter (id, value) VALUES (1, 4)`);
    const matter = `INSERT INTO matters (matter_id, matter_no, county_code, device_id, visitor_id, visitor_name, document_type, document_number, visitor,
        representatives, channel, headcount, category_code, place_region, respondent, summary, facts, flags, received_at, status, lifecycle)
       VALUES ($1, $2, '410102', 'a0000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000001', '张三', 'resident', '11010519491231002x', '{}',
        '[]', 'visit', 1, '0101', '410102', '', '供暖', '', '{}', $3, $4, $5)`;
    // 16:30 UTC on 03-01 is already 03-02 in Beijing.
    await db.query(matter, ['b0000000-0000-4000-8000-000000000001', 'N1', '2025-03-01T16:30:00Z', 'terminated', '{"terminatedOn":"2025-08-20"}']);
    await db.query(matter, ['b0000000-0000-4000-8000-000000000002', 'N2', '2025-03-05T01:00:00Z', 'closed', null]);

    await migrate(db, files[upTo]!);

    const hash = createHash('sha256').update('xf-termination-v1:11010519491231002X').digest('hex');
    expect((await db.query(`SELECT matter_no, document_hash, to_char(received_on, 'YYYY-MM-DD') AS received_on, to_char(terminated_on, 'YYYY-MM-DD') AS terminated_on, active, change_seq FROM termination_register`)).rows).toEqual([
      { matter_no: 'N1', document_hash: hash, received_on: '2025-03-02', terminated_on: '2025-08-20', active: true, change_seq: 5 },
    ]);
    expect((await db.query('SELECT value FROM change_counter')).rows).toEqual([{ value: 5 }]);
    await db.close();
  }, 120_000);
});

describe('0009: a campaign’s period and counties', () => {
  it('gives a campaign made before it the Beijing day it was made as its start, and the counties of its matters', async () => {
    const db = new PGlite();
    const upTo = files.findIndex((f) => f.startsWith('0009_'));
    for (const f of files.slice(0, upTo)) await migrate(db, f);
    const matter = `INSERT INTO matters (matter_id, matter_no, county_code, device_id, visitor_id, visitor_name, document_type, document_number, visitor,
        representatives, channel, headcount, category_code, place_region, respondent, summary, facts, flags, received_at)
       VALUES ($1, $2, $3, 'a0000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000001', '张三', 'resident', '11010519491231002X', '{}',
        '[]', 'visit', 1, '0101', '410102', '', '供暖', '', '{}', '2026-03-01T00:00:00Z')`;
    await db.query(matter, ['b0000000-0000-4000-8000-000000000001', 'N1', '410103']);
    await db.query(matter, ['b0000000-0000-4000-8000-000000000002', 'N2', '410102']);
    const campaign = `INSERT INTO city_campaigns (campaign_id, name, due_on, created_by, created_at) VALUES ($1, '专项', $2, '市局', $3)`;
    // 16:30 UTC on 03-01 is already 03-02 in Beijing.
    await db.query(campaign, ['c0000000-0000-4000-8000-000000000001', '2026-06-30', '2026-03-01T16:30:00Z']);
    await db.query(campaign, ['c0000000-0000-4000-8000-000000000002', '2026-01-31', '2026-03-01T00:00:00Z']);
    for (const m of ['b0000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000002']) {
      await db.query(`INSERT INTO city_campaign_matters (campaign_id, matter_id, county_code) SELECT 'c0000000-0000-4000-8000-000000000001', matter_id, county_code FROM matters WHERE matter_id = $1`, [m]);
    }

    await migrate(db, files[upTo]!);

    expect((await db.query(`SELECT name, to_char(starts_on, 'YYYY-MM-DD') AS starts_on, county_codes FROM city_campaigns ORDER BY campaign_id`)).rows).toEqual([
      { name: '专项', starts_on: '2026-03-02', county_codes: ['410102', '410103'] },
      // Never after its own end.
      { name: '专项', starts_on: '2026-01-31', county_codes: [] },
    ]);
    await db.close();
  }, 120_000);
});
