// 统计's visit counts come from visit_tally (migration 0010), kept by triggers: through
// registrations, repeat visits, corrected headcounts and voided registrations on many days, the
// tally must stay equal to counting the visits themselves, leaving a voided registration's out.
import fc from 'fast-check';
import { afterEach, expect, it } from 'vitest';
import type { WindowFigures } from '../../domain/figures/rpc';
import { residentId, testBackend, validVisit } from '../support/backend';

const backends: ReturnType<typeof testBackend>[] = [];
afterEach(async () => {
  while (backends.length) await backends.pop()!.close();
});

let clock = new Date('2026-03-02T09:00:00+08:00');
const DAYS = ['2026-03-02', '2026-03-03', '2026-03-05', '2026-03-31', '2026-04-01'];

type B = ReturnType<typeof testBackend>;
async function call<T>(b: B, method: string, input: unknown): Promise<T> {
  const r = await b.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.code} ${r.message}`);
  return r.value as T;
}

/** What the tally should hold: the visits counted one by one, a voided registration's left out. */
const counted = (b: B) =>
  b.db.$client
    .prepare(
      `SELECT received_on AS day, count(*) AS visits, sum(kind = 'first') AS firstVisits, sum(kind = 'repeat') AS repeatVisits, sum(headcount) AS people
       FROM visit WHERE matter_id NOT IN (SELECT id FROM matter WHERE voided_at IS NOT NULL) GROUP BY received_on ORDER BY received_on`,
    )
    .all();
const kept = (b: B) =>
  b.db.$client
    .prepare('SELECT day, visits, first_visits AS firstVisits, repeat_visits AS repeatVisits, people FROM visit_tally WHERE visits <> 0 OR people <> 0 ORDER BY day')
    .all();

const op = fc.oneof(
  // Up to 4: five and more is a group visit, which needs its representatives named.
  fc.record({ kind: fc.constant('register' as const), day: fc.constantFrom(...DAYS), headcount: fc.integer({ min: 1, max: 4 }), repeatOf: fc.option(fc.nat(), { nil: null }) }),
  fc.record({ kind: fc.constant('void' as const), which: fc.nat() }),
  fc.record({ kind: fc.constant('headcount' as const), which: fc.nat(), headcount: fc.integer({ min: 1, max: 4 }) }),
);

it('keeps visit_tally equal to counting the visits through registrations, repeat visits, corrections and voids', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
      const b = testBackend({ now: () => clock });
      backends.push(b);
      const matters: { matterId: string; voided: boolean }[] = [];
      let seq = 0;
      for (const o of ops) {
        const open = matters.filter((m) => !m.voided);
        if (o.kind === 'register') {
          clock = new Date(`${o.day}T10:00:00+08:00`);
          const earlier = o.repeatOf === null || open.length === 0 ? null : open[o.repeatOf % open.length]!;
          seq += 1;
          const visitor = { ...validVisit.visitor, credential: { type: 'resident', number: residentId('410102', '19700101', seq) }, name: `来访人${seq}` };
          const r = await call<{ matterId: string }>(b, 'intake.register', { ...validVisit, visitor, headcount: o.headcount, ...(earlier ? { link: { kind: 'repeat', matterId: earlier.matterId } } : {}) });
          if (!earlier) matters.push({ matterId: r.matterId, voided: false });
        } else if (open.length > 0) {
          const m = open[o.which % open.length]!;
          if (o.kind === 'void') {
            await call(b, 'matters.void', { matterId: m.matterId, reason: '重复登记' });
            m.voided = true;
          } else {
            const r = await b.dispatch('matters.correct', { matterId: m.matterId, values: { headcount: o.headcount }, reason: '人数录错' });
            // The same headcount again is no change, refused as such; anything else is taken.
            if (!r.ok) expect(r.code).toBe('no_change');
          }
        }
        expect(kept(b)).toEqual(counted(b));
      }
      const f = await call<WindowFigures>(b, 'figures.get', { from: '2026-03-01', to: '2026-03-31' });
      const march = (counted(b) as { day: string; visits: number; people: number }[]).filter((r) => r.day.startsWith('2026-03'));
      expect(f.visits).toBe(march.reduce((n, r) => n + r.visits, 0));
      expect(f.people).toBe(march.reduce((n, r) => n + r.people, 0));
      await backends.pop()!.close();
    }),
    { numRuns: 8 },
  );
}, 240_000);
