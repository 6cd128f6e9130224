// Group commit for pushes (server/push/queue.ts), against a fake writer whose transactions the
// test finishes by hand: who goes into which group, what waits, and what a failed group does.
import { describe, expect, it } from 'vitest';
import type { PushResponse } from '../../domain/sync/events';
import { HttpError } from '../../server/http/errors';
import type { PushOutcome } from '../../server/push/applyPushes';
import type { Push } from '../../server/push/plan';
import { createPushQueue } from '../../server/push/queue';

function batch(device: string, events: number, seq = 1): Push {
  const body = { deviceId: device, batchId: `${device}-${seq}`, events: Array.from({ length: events }, () => ({})) };
  return { device: { id: device, countyCode: '410102' }, body, received: null } as unknown as Push;
}

const answer = (p: Push): PushResponse => ({ ackedSeq: p.body.events.length, rejected: [] });

/** A writer that records each group and holds it open until the test settles it. */
function heldWriter() {
  const groups: { names: string[]; finish: (f?: (p: Push) => PushOutcome) => void; fail: (e: Error) => void }[] = [];
  const apply = (pushes: Push[]) =>
    new Promise<PushOutcome[]>((resolve, reject) => {
      groups.push({ names: pushes.map((p) => p.body.batchId), finish: (f = answer) => resolve(pushes.map(f)), fail: reject });
    });
  return { groups, apply };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('push queue', () => {
  it('writes a lone push at once, in a group of its own', async () => {
    const w = heldWriter();
    const q = createPushQueue(w.apply, { writers: 1 });
    const answered = q.push(batch('A', 3));
    expect(w.groups.map((g) => g.names)).toEqual([['A-1']]);
    w.groups[0]!.finish();
    await expect(answered).resolves.toEqual({ ackedSeq: 3, rejected: [] });
  });

  it('groups what arrived during a write, one batch per device, each device in order', async () => {
    const w = heldWriter();
    const q = createPushQueue(w.apply, { writers: 1 });
    const all = [q.push(batch('A', 1, 1)), q.push(batch('A', 1, 2)), q.push(batch('B', 1)), q.push(batch('A', 1, 3)), q.push(batch('C', 1))];
    expect(w.groups.map((g) => g.names)).toEqual([['A-1']]);
    w.groups[0]!.finish();
    await tick();
    expect(w.groups[1]!.names).toEqual(['A-2', 'B-1', 'C-1']);
    w.groups[1]!.finish();
    await tick();
    expect(w.groups[2]!.names).toEqual(['A-3']);
    w.groups[2]!.finish();
    await Promise.all(all);
    expect(w.groups).toHaveLength(3);
  });

  it('closes a group before it passes the event limit, keeping arrival order', async () => {
    const w = heldWriter();
    const q = createPushQueue(w.apply, { writers: 1, maxGroupEvents: 10 });
    const all = [q.push(batch('A', 1)), q.push(batch('B', 6)), q.push(batch('C', 5)), q.push(batch('D', 1))];
    w.groups[0]!.finish();
    await tick();
    expect(w.groups[1]!.names).toEqual(['B-1']);
    w.groups[1]!.finish();
    await tick();
    expect(w.groups[2]!.names).toEqual(['C-1', 'D-1']);
    w.groups[2]!.finish();
    await Promise.all(all);
  });

  it('refuses only the batch its own outcome refuses', async () => {
    const w = heldWriter();
    const q = createPushQueue(w.apply, { writers: 1 });
    const first = q.push(batch('A', 1));
    const [b, c] = [q.push(batch('B', 1)), q.push(batch('C', 1))];
    w.groups[0]!.finish();
    await tick();
    const gap = new HttpError(409, 'seq_gap', 'gap', { expectedSeq: 1 });
    w.groups[1]!.finish((p) => (p.device.id === 'B' ? gap : answer(p)));
    await expect(b).rejects.toBe(gap);
    await expect(c).resolves.toEqual({ ackedSeq: 1, rejected: [] });
    await first;
  });

  it('tries each batch of a failed group alone, so only the one that fails is refused', async () => {
    const w = heldWriter();
    const q = createPushQueue(w.apply, { writers: 1 });
    const first = q.push(batch('A', 1));
    const [b, c] = [q.push(batch('B', 1)).catch((e: unknown) => e), q.push(batch('C', 1))];
    w.groups[0]!.finish();
    await tick();
    w.groups[1]!.fail(new Error('connection lost'));
    await tick();
    expect(w.groups.slice(2).map((g) => g.names)).toEqual([['B-1']]);
    w.groups[2]!.fail(new Error('B poisons its transaction'));
    await tick();
    expect(w.groups[3]!.names).toEqual(['C-1']);
    w.groups[3]!.finish();
    expect(await b).toEqual(new Error('B poisons its transaction'));
    await expect(c).resolves.toEqual({ ackedSeq: 1, rejected: [] });
    await first;
  });

  it('with two writers, never writes two batches of one device at once', async () => {
    const w = heldWriter();
    const q = createPushQueue(w.apply, { writers: 2 });
    const all = [q.push(batch('A', 1, 1)), q.push(batch('A', 1, 2)), q.push(batch('B', 1))];
    // The second writer takes B and leaves A's second batch waiting for the first.
    expect(w.groups.map((g) => g.names)).toEqual([['A-1'], ['B-1']]);
    w.groups[1]!.finish();
    await tick();
    expect(w.groups).toHaveLength(2);
    w.groups[0]!.finish();
    await tick();
    expect(w.groups[2]!.names).toEqual(['A-2']);
    w.groups[2]!.finish();
    await Promise.all(all);
  });
});
