// Backup and restore (issue #15): a backup folder on a chosen drive that stays encrypted and
// opens only with the store key or the county recovery code; a daily backup with retention;
// a restore checked before anything changes, that never drops an event the city has not
// acknowledged and never issues again a seq or a matter number the city already holds.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { queueAuditForSync } from '../../db/audit';
import { newStoreKey } from '../../backend/host/storeKey';
import type { BackupEntry } from '../../domain/backup/rpc';
import { tempDir, testBackend, validVisit } from '../support/backend';
import { PASSWORD, STAFF } from '../support/staff';

type TB = ReturnType<typeof testBackend>;
const open: TB[] = [];
afterEach(async () => {
  for (const b of open.splice(0)) await b.close();
});

function backend(o: Parameters<typeof testBackend>[0] = {}): TB {
  const b = testBackend({ role: 'admin', ...o });
  open.push(b);
  return b;
}

async function must<T = unknown>(b: TB, method: string, input: unknown, role: 'admin' | 'clerk' = 'admin'): Promise<T> {
  const r = role === 'admin' ? await b.dispatch(method, input) : await b.callAs(role, method, input);
  if (!r.ok) throw new Error(`${method}: ${r.code} ${r.message}`);
  return r.value as T;
}

const register = (b: TB, summary: string) => must<{ matterId: string; matterNo: string }>(b, 'intake.register', { ...validVisit, summary }, 'clerk');
const sql = (b: TB) => b.db.$client;
const summaries = (b: TB) => (sql(b).prepare('SELECT summary FROM matter ORDER BY summary').pluck().all() as string[]);
/** As if the city had acknowledged everything in the outbox (what a push's answer records). */
const cityAcknowledgesAll = (b: TB) => sql(b).prepare('UPDATE sync_state SET last_acked_seq = (SELECT max(seq) FROM outbox) WHERE id = 1').run();

async function reopen(b: TB, dataDir: string, key?: string): Promise<TB> {
  await b.close();
  open.splice(open.indexOf(b), 1);
  return backend({ dataDir, ...(key ? { key } : {}) });
}

describe('backup', () => {
  it('writes an encrypted copy with its recovery file and manifest to the chosen folder, admin only, audited', async () => {
    const b = backend();
    const usb = tempDir('xf-usb-');
    await register(b, '备份前登记的第一件事项内容');
    expect(await b.callAs('clerk', 'backup.create', {})).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await b.dispatch('backup.create', {})).toMatchObject({ ok: false, code: 'backup_folder_unset' });
    await must(b, 'backup.configure', { folder: usb, daily: false, keep: 7 });
    const entry = await must<BackupEntry>(b, 'backup.create', {});
    expect(entry).toMatchObject({ kind: 'manual', matters: 1 });
    expect(fs.readdirSync(entry.path).sort()).toEqual(['manifest.json', 'xinfang.db', 'xinfang.recovery.json']);
    const bytes = fs.readFileSync(path.join(entry.path, 'xinfang.db'));
    expect(bytes.includes(Buffer.from('备份前登记'))).toBe(false);
    expect(bytes.subarray(0, 15).toString()).not.toBe('SQLite format 3');
    expect(await must(b, 'backup.list', {})).toEqual([entry]);
    expect(await must(b, 'backup.status', {})).toMatchObject({ folder: usb, running: null, last: { ok: true, path: entry.path } });
    expect(sql(b).prepare("SELECT outcome FROM audit_log WHERE action = 'backup.create' ORDER BY seq").pluck().all()).toEqual(['forbidden', 'ok']);
  });

  it('reports a drive that is not there, and leaves no half-made backup behind', async () => {
    const b = backend();
    const usb = tempDir('xf-usb-');
    await must(b, 'backup.configure', { folder: path.join(usb, 'not-plugged-in'), daily: false, keep: 7 });
    expect(await b.dispatch('backup.create', {})).toMatchObject({ ok: false, code: 'backup_folder_missing' });
    expect(await must(b, 'backup.status', {})).toMatchObject({ last: { ok: false } });
    expect(fs.readdirSync(usb)).toEqual([]);
  });

  it('makes a daily backup once a day and keeps the newest ones, never a manual one', async () => {
    let now = new Date('2026-12-01T08:00:00+08:00');
    const b = backend({ now: () => now });
    const usb = tempDir('xf-usb-');
    await must(b, 'backup.configure', { folder: usb, daily: true, keep: 2 });
    const manual = await must<BackupEntry>(b, 'backup.create', {});
    const made: string[] = [];
    for (let day = 0; day < 4; day += 1) {
      const daily = await b.backups.dailyDue();
      expect(daily).toMatchObject({ ok: true, value: { kind: 'daily' } });
      made.push((daily as { value: BackupEntry }).value.name);
      now = new Date(now.getTime() + 3600_000);
      expect(await b.backups.dailyDue(), 'not again the same day').toBeNull();
      now = new Date(now.getTime() + 24 * 3600_000);
    }
    const left = (await must<BackupEntry[]>(b, 'backup.list', {})).map((e) => e.name);
    expect(left).toHaveLength(3);
    expect(left).toContain(manual.name);
    expect(left.filter((n) => n.endsWith('-daily'))).toEqual([made[3], made[2]]);
  });
});

describe('restore', () => {
  it('refuses to drop an event the city has not acknowledged, then restores and carries seq and numbers forward', async () => {
    const dataDir = tempDir();
    let b = backend({ dataDir });
    await must(b, 'backup.configure', { folder: tempDir('xf-usb-'), daily: false, keep: 7 });
    await register(b, '备份之中已有的事项内容甲');
    const entry = await must<BackupEntry>(b, 'backup.create', {});
    const later = await register(b, '备份之后才登记的事项内容乙');

    expect(await b.dispatch('backup.restore', { path: entry.path })).toMatchObject({ ok: false, code: 'restore_would_drop' });
    expect(b.restartWanted()).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'xinfang.db.restore-pending'))).toBe(false);

    cityAcknowledgesAll(b);
    const acknowledged = new Set(sql(b).prepare('SELECT id FROM outbox').pluck().all() as string[]);
    const seqBefore = sql(b).prepare('SELECT max(seq) FROM outbox').pluck().get() as number;
    // Audit lines made since (a sign-in, a view) wait for the city too: they are merged, not dropped.
    await b.callAs('clerk', 'intake.lookupPerson', { credential: validVisit.visitor.credential });
    const linesWaiting = sql(b).prepare("SELECT id FROM audit_log WHERE seq > (SELECT max(seq) - 3 FROM audit_log)").pluck().all() as string[];
    expect(linesWaiting.length).toBeGreaterThan(0);
    expect(await b.dispatch('backup.restore', { path: entry.path })).toMatchObject({ ok: true, value: { restart: true } });
    expect(b.restartWanted()).toBe(true);

    b = await reopen(b, dataDir);
    expect(summaries(b)).toEqual(['备份之中已有的事项内容甲']);
    expect(fs.readdirSync(dataDir).some((f) => f.startsWith('xinfang.db.before-restore-'))).toBe(true);
    expect(sql(b).prepare('SELECT last_acked_seq FROM sync_state').pluck().get()).toBeGreaterThanOrEqual(seqBefore);
    expect(sql(b).prepare("SELECT count(*) FROM audit_log WHERE action = 'backup.restore'").pluck().get()).toBe(1);
    const auditWaiting = sql(b).prepare("SELECT id FROM outbox WHERE type = 'audit.recorded' AND seq > (SELECT last_acked_seq FROM sync_state)").pluck().all();
    expect(auditWaiting).toEqual(expect.arrayContaining(linesWaiting));
    // The copy's own lines were all queued by this store before: the next sync run queues only
    // the restore's line, never one again (a second event of one id, or one the city holds).
    expect(queueAuditForSync(b.db)).toBe(1);
    const sentAgain = (sql(b).prepare('SELECT id FROM outbox WHERE seq > (SELECT last_acked_seq FROM sync_state)').pluck().all() as string[]).filter((id) => acknowledged.has(id));
    expect(sentAgain).toEqual([]);
    // Consecutive after what the city acknowledged: no hole the city would refuse as a gap.
    const waitingSeqs = sql(b).prepare('SELECT seq FROM outbox WHERE seq > (SELECT last_acked_seq FROM sync_state) ORDER BY seq').pluck().all() as number[];
    expect(waitingSeqs).toEqual(waitingSeqs.map((_, i) => seqBefore + 1 + i));
    const next = await register(b, '恢复之后登记的事项内容丙');
    expect(next.matterNo).not.toBe(later.matterNo);
    expect(sql(b).prepare('SELECT min(seq) FROM outbox WHERE seq > (SELECT last_acked_seq FROM sync_state)').pluck().get()).toBeGreaterThan(seqBefore);
    expect(sql(b).pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('opens a backup on a new machine only with the recovery code', async () => {
    const first = tempDir();
    const a = backend({ dataDir: first, role: null });
    const { recoveryCode } = await must<{ recoveryCode: string }>(a, 'session.setup', { ...STAFF.admin, password: PASSWORD });
    await must(a, 'backup.configure', { folder: tempDir('xf-usb-'), daily: false, keep: 7 });
    await register(a, '旧电脑上登记的事项内容');
    await a.as('admin');
    const entry = await must<BackupEntry>(a, 'backup.create', {});

    const newDir = tempDir();
    const newKey = newStoreKey();
    let n = backend({ dataDir: newDir, key: newKey });
    expect(await n.dispatch('backup.restore', { path: entry.path })).toMatchObject({ ok: false, code: 'backup_key_wrong', field: 'recoveryCode' });
    expect(await n.dispatch('backup.restore', { path: entry.path, recoveryCode: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH' })).toMatchObject({
      ok: false,
      code: 'recovery_code_wrong',
    });
    expect(await n.dispatch('backup.restore', { path: entry.path, recoveryCode })).toMatchObject({ ok: true });
    n = await reopen(n, newDir, newKey);
    expect(summaries(n)).toEqual(['旧电脑上登记的事项内容']);
  });

  it('refuses a backup of another window over this one’s own unsynced records', async () => {
    const a = backend();
    await must(a, 'backup.configure', { folder: tempDir('xf-usb-'), daily: false, keep: 7 });
    const entry = await must<BackupEntry>(a, 'backup.create', {});
    const other = backend();
    await register(other, '这台电脑自己登记、尚未同步的事项');
    expect(await other.dispatch('backup.restore', { path: entry.path })).toMatchObject({ ok: false, code: 'restore_other_device' });
  });

  it('refuses a damaged backup and leaves the store as it was', async () => {
    const dataDir = tempDir();
    const b = backend({ dataDir });
    await must(b, 'backup.configure', { folder: tempDir('xf-usb-'), daily: false, keep: 7 });
    await register(b, '损坏测试用的事项内容');
    const entry = await must<BackupEntry>(b, 'backup.create', {});
    cityAcknowledgesAll(b);
    const file = path.join(entry.path, 'xinfang.db');
    const bytes = fs.readFileSync(file);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 100) ^ 0xff, bytes.length - 100);
    fs.writeFileSync(file, bytes);
    expect(await b.dispatch('backup.restore', { path: entry.path })).toMatchObject({ ok: false, code: 'backup_damaged' });
    expect(fs.readdirSync(dataDir).filter((f) => f.includes('restore'))).toEqual([]);
    expect(summaries(b)).toEqual(['损坏测试用的事项内容']);
  });
});

