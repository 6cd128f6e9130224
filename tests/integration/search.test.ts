// Search from every screen (issue #12) through the services on an encrypted store: each kind of
// fragment finds its matter through its own index, a write is found at once, a protected
// reporter stays masked (and unsearchable by identity) for roles that may not see them, and bad
// input is refused with a stable code.
import fs from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SearchHit } from '../../domain/search/rpc';
import { residentId, testBackend, validVisit } from '../support/backend';

type Backend = ReturnType<typeof testBackend>;
const backends: Backend[] = [];
afterEach(async () => {
  while (backends.length) await backends.pop()!.close();
});

async function call<T>(b: Backend, method: string, input: unknown): Promise<T> {
  const r = await b.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.code} ${r.message}`);
  return r.value as T;
}

const search = async (b: Backend, query: string) => (await call<{ hits: SearchHit[]; more: boolean }>(b, 'search.matters', { query })).hits;
const numbersOf = async (b: Backend, query: string) => (await search(b, query)).map((h) => h.matterNo);

const WANG = { id: residentId('410102', '19650312', 417), name: '王芳', mobile: '13912345678' };
const OUYANG = { id: residentId('410105', '19800101', 22), name: '欧阳娜娜', mobile: '13698765432' };

function visit(person: { id: string; name: string; mobile: string }, matter: { summary: string; respondent?: string; facts?: string }) {
  return { ...validVisit, visitor: { ...validVisit.visitor, credential: { type: 'resident', number: person.id }, name: person.name, mobile: person.mobile }, ...matter };
}

/** A store with two petitioners' matters and an unrelated third, registered by the window. */
async function seeded(o: { closedAfterEach: boolean } = { closedAfterEach: true }) {
  const b = testBackend({ role: 'handler', now: () => new Date('2026-03-02T09:00:00+08:00') });
  if (o.closedAfterEach) backends.push(b);
  const reg = (v: unknown) => call<{ matterId: string; matterNo: string }>(b, 'intake.register', v);
  const wang = await reg(visit(WANG, { summary: '反映拆迁安置房迟迟未交付问题', respondent: '县住房和城乡建设局' }));
  const ouyang = await reg(visit(OUYANG, { summary: '反映小区供暖不达标问题', facts: '自去年冬天起室温长期低于十六度' }));
  const other = await reg(validVisit);
  return { b, wang, ouyang, other };
}

describe('search finds a matter by any fragment', () => {
  let s: Awaited<ReturnType<typeof seeded>>;
  beforeAll(async () => {
    s = await seeded({ closedAfterEach: false });
    return () => s.b.close();
  });

  it('a two-character name, and two characters inside a longer one', async () => {
    expect(await numbersOf(s.b, '王芳')).toEqual([s.wang.matterNo]);
    expect(await numbersOf(s.b, '阳娜')).toEqual([s.ouyang.matterNo]);
    // Two characters of the text too: the pair index covers names, respondents and summaries.
    expect(await numbersOf(s.b, '供暖')).toEqual([s.other.matterNo, s.ouyang.matterNo]);
  });

  it('three characters, a six-character phrase, the respondent and the facts', async () => {
    expect(await numbersOf(s.b, '欧阳娜')).toEqual([s.ouyang.matterNo]);
    expect(await numbersOf(s.b, '安置房迟迟未')).toEqual([s.wang.matterNo]);
    expect(await numbersOf(s.b, '城乡建设')).toEqual([s.wang.matterNo]);
    expect(await numbersOf(s.b, '低于十六度')).toEqual([s.ouyang.matterNo]);
    expect(await numbersOf(s.b, '拆迁安置房迟迟未交付问题，')).toEqual([]);
  });

  it('the last four digits of an ID number (X in either case), a phone fragment, a matter number', async () => {
    expect(await numbersOf(s.b, WANG.id.slice(-4))).toEqual([s.wang.matterNo]);
    expect(await numbersOf(s.b, OUYANG.id.slice(-4).toLowerCase())).toEqual([s.ouyang.matterNo]);
    expect(await numbersOf(s.b, '19650312')).toEqual([s.wang.matterNo]);
    expect(await numbersOf(s.b, WANG.id)).toEqual([s.wang.matterNo]);
    // Longer than 8: found by its last 8 characters, then checked whole (王芳's phone ends alike).
    expect(await numbersOf(s.b, '13712345678')).toEqual([]);
    expect(await numbersOf(s.b, WANG.mobile)).toEqual([s.wang.matterNo]);
    expect(await numbersOf(s.b, '98765')).toEqual([s.ouyang.matterNo]);
    expect(await numbersOf(s.b, s.ouyang.matterNo)).toEqual([s.ouyang.matterNo]);
    expect(await numbersOf(s.b, s.ouyang.matterNo.slice(-6))).toEqual([s.ouyang.matterNo]);
  });

  it('shows each hit with its category, state, next deadline and the ID number masked for a list', async () => {
    const [hit] = await search(s.b, '王芳');
    expect(hit).toMatchObject({
      matterId: s.wang.matterId,
      visitor: { name: '王芳', credential: `4101**********${WANG.id.slice(-4)}`, masked: false },
      category: ['城乡建设', expect.any(String)],
      statusLabel: '已登记',
      nextDeadline: { label: expect.any(String), lastDay: expect.any(String) },
    });
  });

  it('lists the newest matter first', async () => {
    expect(await numbersOf(s.b, '反映')).toEqual([s.other.matterNo, s.ouyang.matterNo, s.wang.matterNo]);
  });
});

describe('the store', () => {
  it('is encrypted (SQLCipher) and has FTS5 with the trigram tokenizer, its index inside the encrypted file', async () => {
    const { b } = await seeded();
    const sqlite = b.db.$client;
    expect(sqlite.pragma('cipher', { simple: true })).toBe('sqlcipher');
    expect(sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = 'search_text'").get()).toEqual({ sql: expect.stringContaining("tokenize='trigram'") });
    expect(sqlite.prepare(`SELECT count(*) AS n FROM search_text WHERE search_text MATCH '"安置房"'`).get()).toEqual({ n: 1 });
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    expect(fs.readFileSync(sqlite.name).includes(Buffer.from('安置房'))).toBe(false);
  });
});

describe('the index follows every write at once', () => {
  it('runs on the reader connection, which sees a registration the moment it commits', async () => {
    const { b } = await seeded();
    const sqlite = b.db.$client;
    sqlite.exec('BEGIN IMMEDIATE');
    sqlite
      .prepare("INSERT INTO visitor (id, id_type, id_number, name, mobile, created_at, updated_at) VALUES ('v-raw', 'resident', ?, '司马懿', '', 'x', 'x')")
      .run(residentId('410102', '19700101', 5));
    sqlite
      .prepare(
        "INSERT INTO matter (id, matter_no, visitor_id, channel, headcount, summary, status, lifecycle, received_at, received_on, created_at, updated_at) SELECT 'm-raw', 'RAW-0001', 'v-raw', channel, 1, '反映', status, lifecycle, received_at, received_on, created_at, updated_at FROM matter LIMIT 1",
      )
      .run();
    // Not committed: a search on the writing connection would see it; the reader does not.
    expect(await numbersOf(b, '司马懿')).toEqual([]);
    sqlite.exec('COMMIT');
    expect(await numbersOf(b, '司马懿')).toEqual(['RAW-0001']);
  });

  it('finds a petitioner under the name given at a later visit, and no longer under the old one', async () => {
    const { b, wang } = await seeded();
    await call(b, 'intake.register', visit({ ...WANG, name: '汪方圆' }, { summary: '反映物业违规收费' }));
    expect(await numbersOf(b, '方圆')).toHaveLength(2);
    expect(await numbersOf(b, '汪方圆')).toContain(wang.matterNo);
    expect(await numbersOf(b, '王芳')).toEqual([]);
  });
});

describe('a protected reporter (检举控告)', () => {
  async function accused() {
    const s = await seeded();
    await call(s.b, 'matters.command', {
      matterId: s.wang.matterId,
      command: { at: '2026-03-02T10:00:00+08:00', type: 'classify', class: 'accusation', route: 'discipline-inspection', body: '县纪委监委' },
    });
    return s;
  }

  it('is masked as the matter file masks them, and cannot be found by name, ID or phone, for a 承办人 or 登记员', async () => {
    const { b, wang } = await accused();
    for (const role of ['handler', 'clerk'] as const) {
      await b.as(role);
      expect(await numbersOf(b, '王芳')).toEqual([]);
      expect(await numbersOf(b, WANG.id.slice(-4))).toEqual([]);
      expect(await numbersOf(b, WANG.mobile.slice(-5))).toEqual([]);
      expect(await numbersOf(b, WANG.id)).toEqual([]);
      const [hit] = await search(b, '安置房迟迟');
      const file = await call<{ visitor: { name: string; credential: string } }>(b, 'matters.get', { matterId: wang.matterId });
      expect(hit!.visitor).toEqual({ name: file.visitor.name, credential: file.visitor.credential, masked: true });
      expect(hit!.visitor.name).toBe('王*');
      expect(hit!.visitor.credential).not.toMatch(/\d/);
    }
  });

  it('is found and shown to the 科长', async () => {
    const { b, wang } = await accused();
    await b.as('supervisor');
    for (const q of ['王芳', WANG.id.slice(-4), WANG.mobile.slice(-5), WANG.id]) expect(await numbersOf(b, q)).toEqual([wang.matterNo]);
    expect((await search(b, '王芳'))[0]!.visitor).toMatchObject({ name: '王芳', masked: false });
  });
});

describe('refusals', () => {
  it('refuses bad input with a stable code and a Chinese message', async () => {
    const { b } = await seeded();
    const cases: [unknown, string][] = [
      ['', 'search_empty'],
      ['   ', 'search_empty'],
      ['王', 'search_too_short'],
      ['12', 'search_number_too_short'],
      ['123', 'search_number_too_short'],
      ['供'.repeat(51), 'search_too_long'],
      ['9'.repeat(100_000), 'search_too_long'],
      ['王\u0007芳', 'search_control_chars'],
      [42, 'invalid_input'],
    ];
    for (const [query, code] of cases) {
      const r = await b.dispatch('search.matters', { query });
      expect(r, JSON.stringify(query).slice(0, 20)).toMatchObject({ ok: false, code, message: expect.stringMatching(/[\u4e00-\u9fff]/) });
    }
    // Around a fragment, whitespace (say, a reader's newline) is no part of it.
    expect(await numbersOf(b, ' 王芳\n')).toHaveLength(1);
    // FTS5 syntax typed into the box is text, never a query operator.
    expect(await numbersOf(b, '"王芳" OR 供暖')).toEqual([]);
  });

  it('is casework: the 管理员 may not search', async () => {
    const { b } = await seeded();
    await b.as('admin');
    expect(await b.dispatch('search.matters', { query: '王芳' })).toMatchObject({ ok: false, code: 'forbidden' });
  });
});
