// The backend as its own process (DESIGN.md §1), driven through its port exactly as Electron's
// main process and dev:web drive it: calls go over the child's IPC channel; a backend killed
// while a call waits answers that call at once with a clear error and comes back by itself,
// with everything it had committed.
import { afterEach, describe, expect, it } from 'vitest';
import { createCaller, type Endpoint } from '../../backend/host/calls';
import { childProcessEndpoint } from '../../backend/host/endpoints';
import { createBackendHost, type BackendHost } from '../../backend/host/host';
import { SOURCE_BACKEND_ENTRY, sourceTreeOptions } from '../../backend/host/sourceTree';
import { devKeyKeeper } from '../../backend/host/storeKey';
import { err } from '../../domain/result';
import { tempDir, TEST_SCRYPT_COST, validVisit } from '../support/backend';
import { signIn } from '../support/staff';

let hosts: BackendHost[] = [];
afterEach(async () => {
  await Promise.all(hosts.map((h) => h.close()));
  hosts = [];
});

/** A host whose current child's pid the test can read, to stop or kill it. */
function hostOnDisk(dataDir = tempDir()) {
  const children: number[] = [];
  const host = createBackendHost({
    start: () => {
      const e = childProcessEndpoint(SOURCE_BACKEND_ENTRY);
      children.push(e.pid);
      return e;
    },
    options: { ...sourceTreeOptions(dataDir), scryptCost: TEST_SCRYPT_COST },
    keys: devKeyKeeper(dataDir),
  });
  hosts.push(host);
  return { host, current: () => children.at(-1)!, started: () => children.length };
}

/** A host signed in as a 登记员, as the window would be after its sign-in screen. */
async function signedInHost() {
  const h = hostOnDisk();
  await signIn(h.host.dispatch, 'clerk');
  return h;
}

async function waitUntil(check: () => boolean, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('the backend in a child process', () => {
  it('registers a visitor and lists it, through the port', async () => {
    const { host } = await signedInHost();
    const r = await host.dispatch('intake.register', validVisit);
    expect(r).toMatchObject({ ok: true, value: { matterNo: expect.any(String) } });
    const today = await host.dispatch('intake.listToday', {});
    expect(today.ok && (today.value as unknown[]).length).toBe(1);
    // Input is still checked on the backend's side of the port.
    expect(await host.dispatch('intake.register', { summary: '' })).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(await host.dispatch('no.such.method', {})).toMatchObject({ ok: false, code: 'unknown_method' });
  });

  it('a backend killed while a call waits answers it with a clear error, restarts, and keeps what was committed', async () => {
    const { host, current, started } = await signedInHost();
    const first = await host.dispatch('intake.register', validVisit);
    expect(first.ok).toBe(true);

    // Frozen, the backend cannot answer: the call is certainly waiting when it dies.
    const victim = current();
    process.kill(victim, 'SIGSTOP');
    const waiting = host.dispatch('intake.listToday', {});
    await new Promise((r) => setTimeout(r, 100));
    process.kill(victim, 'SIGKILL');
    const lost = await waiting;
    expect(lost).toMatchObject({ ok: false, code: 'backend_restarted' });
    expect(!lost.ok && lost.message).toMatch(/后台服务意外中断.*重新启动/);

    // A new process, on the same store: the registration made before the kill is there. The
    // session lived in the dead process, so the window signs in again.
    await waitUntil(() => started() === 2);
    expect(await host.dispatch('intake.listToday', {})).toMatchObject({ ok: false, code: 'not_signed_in' });
    await signIn(host.dispatch, 'clerk');
    const after = await host.dispatch('intake.listToday', {});
    expect(after.ok && (after.value as unknown[]).length).toBe(1);
    expect(current()).not.toBe(victim);
  });

  it('long reads run on the reader worker of the backend process', async () => {
    const { host } = hostOnDisk();
    await signIn(host.dispatch, 'supervisor');
    await host.dispatch('intake.register', validVisit);
    const figures = await host.dispatch('figures.get', { from: '2000-01-01', to: '2099-12-31' });
    expect(figures).toMatchObject({ ok: true, value: { visits: 1, firstVisits: 1 } });
    const queue = await host.dispatch('matters.queue', { scope: 'all', dueSoonDays: 3 });
    expect(queue).toMatchObject({ ok: true, value: { counts: { open: 1 } } });
  });
});

/** A peer in memory that answers when told to, or dies. */
function fakePeer() {
  const posted: unknown[] = [];
  let onMessage: (m: unknown) => void = () => {};
  let onExit: (why: string) => void = () => {};
  const peer: Endpoint = {
    post: (m) => posted.push(m),
    onMessage: (l) => (onMessage = l),
    onExit: (l) => (onExit = l),
    stop: async () => onExit('stopped'),
  };
  return { peer, posted, answer: (id: number, value: unknown) => onMessage({ type: 'result', id, result: { ok: true, value } }), die: (why: string) => onExit(why) };
}

describe('calls to a peer that may die', () => {
  function caller(peers: ReturnType<typeof fakePeer>[], keepAlive = false) {
    let n = 0;
    return createCaller({
      start: () => peers[n++]!.peer,
      init: () => ({ type: 'init' }),
      keepAlive,
      lost: (why) => err('lost', why),
      down: err('down', '反复中断'),
    });
  }

  it('sends init first, then the call, and resolves it with its answer', async () => {
    const p = fakePeer();
    const c = caller([p]);
    const r = c.call('m', { a: 1 });
    expect(p.posted).toEqual([{ type: 'init' }, { type: 'call', id: 1, method: 'm', input: { a: 1 }, context: undefined }]);
    p.answer(1, 'yes');
    expect(await r).toEqual({ ok: true, value: 'yes' });
  });

  it('fails every waiting call when the peer dies, and starts a new peer for the next', async () => {
    const [a, b] = [fakePeer(), fakePeer()];
    const c = caller([a, b]);
    const waiting = [c.call('m', 1), c.call('m', 2)];
    a.die('signal SIGKILL');
    expect(await Promise.all(waiting)).toEqual([err('lost', 'signal SIGKILL'), err('lost', 'signal SIGKILL')]);
    const next = c.call('m', 3);
    expect(b.posted[0]).toEqual({ type: 'init' });
    b.answer(1 + 2, 'again');
    expect(await next).toEqual({ ok: true, value: 'again' });
  });

  it('a peer that keeps dying is given up on, and says so', async () => {
    const peers = Array.from({ length: 6 }, fakePeer);
    const c = caller(peers, true);
    c.warm();
    for (const p of peers.slice(0, 5)) p.die('exit 1');
    expect(await c.call('m', 1)).toEqual(err('down', '反复中断'));
  });

  it('a peer that says it cannot serve is not restarted on its own', async () => {
    const [a, b] = [fakePeer(), fakePeer()];
    let onMessage: (m: unknown) => void = () => {};
    a.peer.onMessage = (l) => (onMessage = l);
    const c = caller([a, b], true);
    const r = c.call('m', 1);
    onMessage({ type: 'fatal', error: err('backend_start_failed', '本机数据无法打开') });
    a.die('exit 1');
    expect(await r).toEqual(err('backend_start_failed', '本机数据无法打开'));
    expect(b.posted).toEqual([]);
  });
});
