// What the window does while the crash harness waits to kill it: registers visitors, takes
// matters a step along their lives and asks for 立即同步, chosen by a seeded random source, one
// call after another, until a call comes back unanswered because the process died. Only calls
// that returned are written in the ledger.
import type { Err, Ok } from '../../../domain/result';
import { residentId, validVisit } from '../backend';
import type { Ledger } from './ledger';
import { LOST } from './deskProcess';

type Call = (method: string, input: unknown) => Promise<Ok<unknown> | Err>;

/** A seeded source of numbers in [0, 1) (mulberry32): the same seed, the same choices. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The next step of the path the harness takes matters along, by their state. */
const NEXT: Record<string, Record<string, unknown>> = {
  registered: { type: 'classify', class: 'complaint', route: 'petition-procedure', body: '县住建局' },
  classified: { type: 'accept' },
  accepted: { type: 'startHandling' },
  handling: { type: 'reply', opinion: 'explain', basis: '《信访工作条例》第三十二条', text: '经调查核实……', factsFound: '经调查核实，情况属实。', reasons: '事实清楚，依据充分。' },
};

/** Now, written in Beijing time as the window writes a step's time. */
export function beijingNow(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().replace('Z', '+08:00');
}

/** A distinct, valid resident ID number for the n-th person (n from 1). */
export function personNumber(n: number): string {
  const day = new Date(Date.UTC(1950, 0, 1) + Math.floor((n - 1) / 999) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
  return residentId('410102', day, ((n - 1) % 999) + 1);
}

export interface WorkloadTally {
  attempts: number;
  /** Answers that were neither ok nor the process's death: each one a finding. */
  unexpected: string[];
}

export interface Workload {
  /** Runs calls until one comes back lost (the process died); returns then. */
  run(call: Call): Promise<void>;
  tally: WorkloadTally;
}

export function createWorkload(ledger: Ledger, random: () => number): Workload {
  let people = 0;
  const finished = new Set<string>();
  const tally: WorkloadTally = { attempts: 0, unexpected: [] };

  const unexpected = (what: string, r: Err) => {
    if (tally.unexpected.length < 20) tally.unexpected.push(`${what}: ${r.code} ${r.message}`);
  };

  async function register(call: Call): Promise<boolean> {
    const n = ++people;
    tally.attempts++;
    const r = await call('intake.register', {
      ...validVisit,
      visitor: { ...validVisit.visitor, credential: { type: 'resident', number: personNumber(n) }, name: `来访人${n}` },
      summary: `第${n}位来访人反映的问题`,
    });
    if (r.ok) {
      const { matterId, matterNo } = r.value as { matterId: string; matterNo: string };
      ledger.registered.set(matterId, matterNo);
    } else if (r.code !== LOST) unexpected('intake.register', r);
    return r.ok || r.code !== LOST;
  }

  async function step(call: Call): Promise<boolean> {
    const open = [...ledger.registered.keys()].filter((id) => !finished.has(id));
    if (open.length === 0) return register(call);
    const matterId = open[Math.floor(random() * open.length)]!;
    const detail = await call('matters.get', { matterId });
    if (!detail.ok) {
      if (detail.code !== LOST) unexpected('matters.get', detail);
      return detail.code !== LOST;
    }
    const next = NEXT[(detail.value as { status: string }).status];
    if (!next) {
      finished.add(matterId);
      return true;
    }
    const r = await call('matters.command', { matterId, command: { ...next, at: beijingNow() } });
    if (r.ok) ledger.steps.set(matterId, (ledger.steps.get(matterId) ?? 0) + 1);
    else if (r.code !== LOST) unexpected(`matters.command ${String(next.type)}`, r);
    return r.ok || r.code !== LOST;
  }

  async function syncNow(call: Call): Promise<boolean> {
    const r = await call('sync.now', {});
    return r.ok || r.code !== LOST;
  }

  return {
    tally,
    async run(call) {
      for (;;) {
        const pick = random();
        const alive = pick < 0.6 ? await register(call) : pick < 0.9 ? await step(call) : await syncNow(call);
        if (!alive) return;
      }
    },
  };
}
