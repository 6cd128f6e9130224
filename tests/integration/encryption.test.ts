// Encryption at rest (DESIGN.md §3, §6), through the backend process as the app runs it: a
// marker typed into every personal field is found nowhere on disk afterwards — not in the
// store, its WAL (read while the backend runs), the sealed attachments and documents, the
// recovery file, a backup on a USB drive — nor in what the backend logged (the fields include a
// participant's and a 历史台账 row imported from Excel); a lost keystore is recovered with the
// printed code, on this machine or another; a re-key retires the old code.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { childProcessEndpoint } from '../../backend/host/endpoints';
import { createBackendHost, type BackendHost } from '../../backend/host/host';
import { SOURCE_BACKEND_ENTRY, sourceTreeOptions } from '../../backend/host/sourceTree';
import { devKeyKeeper, newStoreKey } from '../../backend/host/storeKey';
import { DB_FILE } from '../../backend/services/backend';
import { residentId, tempDir, TEST_SCRYPT_COST } from '../support/backend';
import { PASSWORD, signIn, STAFF } from '../support/staff';
import { configureNotices } from '../support/noticeSettings';
import { LEDGER_HEADINGS, ledgerId, ledgerRow, ledgerXlsx } from '../support/ledger';

const MARKER = '标记XQZ7';
const ID = residentId('410102', '19770707', 771);
/** The 证件 number of the person on the imported ledger's row. */
const LEDGER_ID = ledgerId(77);

let hosts: BackendHost[] = [];
afterEach(async () => {
  await Promise.all(hosts.map((h) => h.close()));
  hosts = [];
});

function host(dataDir: string, output?: (c: Buffer) => void) {
  const h = createBackendHost({
    start: () => childProcessEndpoint(SOURCE_BACKEND_ENTRY, { output }),
    options: { ...sourceTreeOptions(dataDir), scryptCost: TEST_SCRYPT_COST },
    keys: devKeyKeeper(dataDir),
  });
  hosts.push(h);
  return h;
}

async function must(h: BackendHost, method: string, input: unknown) {
  const r = await h.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.code} ${r.message}`);
  return r.value as Record<string, unknown>;
}

/** Every file under `dir`, recursively. */
const filesUnder = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));

describe('at rest', () => {
  it('a marker in every personal field is nowhere on disk or in the logs once everything is closed', async () => {
    const dataDir = tempDir('xf-enc-');
    const logs: Buffer[] = [];
    const h = host(dataDir, (c) => logs.push(c));
    const setup = await must(h, 'session.setup', { ...STAFF.admin, password: PASSWORD });
    expect(setup.recoveryCode).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    await signIn(h.dispatch, 'supervisor');
    const person = (n: string) => ({ credential: { type: 'resident', number: n }, name: `张${MARKER}`, mobile: '13912345678' });
    const reg = await must(h, 'intake.register', {
      visitor: {
        ...person(ID),
        landline: '0371-66661234',
        workUnit: `${MARKER}公司`,
        household: { region: '410102', detail: `${MARKER}村1号` },
        current: { region: '410102', detail: `${MARKER}路2号` },
      },
      headcount: 6,
      representatives: [1, 2, 3, 4, 5].map((i) => ({ ...person(residentId('410102', '19800101', 700 + i)), name: `代表${MARKER}${i}` })),
      respondent: `${MARKER}局`,
      summary: `反映${MARKER}问题`,
      facts: `经过：${MARKER}`,
    });
    const matterId = reg.matterId as string;
    await must(h, 'attachments.add', { matterId, fileName: `${MARKER}.pdf`, mime: 'application/pdf', dataBase64: Buffer.from(`%PDF-1.4 材料${MARKER}`).toString('base64') });
    await configureNotices(h.dispatch, 'supervisor');
    const receipt = await must(h, 'documents.generate', { matterId, kind: 'registration-receipt' });
    await must(h, 'documents.deliver', { documentId: receipt.documentId, method: 'in-person', to: `收件人${MARKER}`, at: new Date().toISOString() });
    await must(h, 'matters.correct', { matterId, values: { facts: `更正${MARKER}` }, reason: `原因${MARKER}` });
    await must(h, 'supervision.issue', { matterId, dueOn: '2099-01-01', content: `督办${MARKER}` });
    await must(h, 'leaderCase.assign', { matterId, leader: `领导${MARKER}`, staff: `人员${MARKER}`, plan: `方案${MARKER}`, dueOn: '2099-01-01' });
    await must(h, 'participants.add', { visitId: reg.visitId, role: 'lawyer', name: `律师${MARKER}`, organisation: `${MARKER}律师事务所` });
    // A 历史台账 row of the same person's kind: name, unit and matter carry the marker.
    const row = ledgerRow(77);
    row[LEDGER_HEADINGS.indexOf('信访人姓名')] = `历史${MARKER}`;
    row[LEDGER_HEADINGS.indexOf('被反映单位')] = `${MARKER}物业`;
    row[LEDGER_HEADINGS.indexOf('反映问题')] = `反映${MARKER}供暖`;
    const ledger = { fileName: `${MARKER}台账.xlsx`, dataBase64: (await ledgerXlsx([row])).toString('base64') };
    const preview = await must(h, 'records.importPreview', ledger);
    expect(await must(h, 'records.import', { ...ledger, mapping: preview.mapping })).toMatchObject({ imported: 1 });
    await must(h, 'drafts.save', { id: 'd1', title: `草稿${MARKER}`, data: { name: MARKER } });
    await must(h, 'matters.get', { matterId });
    // The WAL as it stands while the backend runs (closing folds it into the store and removes it).
    const wal = fs.readFileSync(path.join(dataDir, `${DB_FILE}-wal`));
    expect(wal.length).toBeGreaterThan(0);
    const usb = tempDir('xf-enc-usb-');
    await signIn(h.dispatch, 'admin');
    await must(h, 'backup.configure', { folder: usb, daily: false, keep: 7 });
    await must(h, 'backup.create', {});
    await h.close();

    const needles = [MARKER, ID, LEDGER_ID, '13912345678', '0371-66661234'].flatMap((n) => [Buffer.from(n, 'utf8'), Buffer.from(n, 'utf16le')]);
    for (const n of needles) expect(wal.includes(n), `the running store's WAL holds ${n.toString()}`).toBe(false);
    const files = filesUnder(dataDir);
    expect(files.some((f) => f.includes('attachments'))).toBe(true);
    expect(files.some((f) => f.includes('documents'))).toBe(true);
    const backedUp = filesUnder(usb);
    // The backup holds the store and the sealed files too: a check of an empty folder proves nothing.
    expect(backedUp.some((f) => f.includes('attachments'))).toBe(true);
    expect(backedUp.some((f) => f.includes('documents'))).toBe(true);
    expect(backedUp.filter((f) => fs.statSync(f).size > 100_000).length).toBeGreaterThan(0);
    for (const f of files) {
      const bytes = fs.readFileSync(f);
      for (const n of needles) expect(bytes.includes(n), `${path.relative(dataDir, f)} holds ${n.toString()}`).toBe(false);
      // Readable by this user only.
      expect(fs.statSync(f).mode & 0o077, path.relative(dataDir, f)).toBe(0);
    }
    for (const f of backedUp) {
      const bytes = fs.readFileSync(f);
      for (const n of needles) expect(bytes.includes(n), `the backup's ${path.relative(usb, f)} holds ${n.toString()}`).toBe(false);
    }
    const logged = Buffer.concat(logs);
    for (const n of needles) expect(logged.includes(n), `the log holds ${n.toString()}`).toBe(false);
  });
});

describe('keys', () => {
  async function storeWithOneMatter() {
    const dataDir = tempDir('xf-key-');
    const h = host(dataDir);
    const { recoveryCode } = await must(h, 'session.setup', { ...STAFF.admin, password: PASSWORD });
    await signIn(h.dispatch, 'clerk');
    await must(h, 'intake.register', { visitor: { credential: { type: 'resident', number: ID }, name: '王恢复', mobile: '13800138000' }, headcount: 1, summary: '恢复测试' });
    await h.close();
    hosts = hosts.filter((x) => x !== h);
    return { dataDir, recoveryCode: recoveryCode as string };
  }

  /** The data folder as copied to another machine: everything but this machine's key. */
  function copiedElsewhere(dataDir: string): string {
    const other = tempDir('xf-other-');
    fs.cpSync(dataDir, other, { recursive: true });
    fs.rmSync(path.join(other, 'dev-db-key'));
    return other;
  }

  it('a store whose key is lost waits for the recovery code, which opens it on another machine', async () => {
    const { dataDir, recoveryCode } = await storeWithOneMatter();
    const other = copiedElsewhere(dataDir);
    const h = host(other);
    expect(await h.dispatch('session.get', {})).toMatchObject({ ok: true, value: { recoveryNeeded: true, user: null } });
    expect(await h.dispatch('intake.listToday', {})).toMatchObject({ ok: false, code: 'store_locked' });
    expect(await h.dispatch('store.recover', { code: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH' })).toMatchObject({ ok: false, code: 'recovery_code_wrong', field: 'code' });
    // As typed from paper: lower case, spaces for dashes.
    expect(await h.dispatch('store.recover', { code: recoveryCode.toLowerCase().replace(/-/g, ' ') })).toMatchObject({ ok: true, value: { recoveryNeeded: false } });
    await signIn(h.dispatch, 'clerk');
    const today = await must(h, 'intake.listToday', {});
    expect(JSON.stringify(today)).toContain('王恢复');
    // This machine keeps the key now: the next start opens the store by itself.
    expect(devKeyKeeper(other).read()).toHaveLength(1);
  });

  it('a wrong key in the keystore does not open the store, and nothing is written', async () => {
    const { dataDir } = await storeWithOneMatter();
    const dbBefore = fs.readFileSync(path.join(dataDir, 'xinfang.db'));
    fs.writeFileSync(path.join(dataDir, 'dev-db-key'), newStoreKey());
    const h = host(dataDir);
    expect(await h.dispatch('session.get', {})).toMatchObject({ ok: true, value: { recoveryNeeded: true } });
    expect(await h.dispatch('intake.register', {})).toMatchObject({ ok: false, code: 'store_locked' });
    expect(fs.readFileSync(path.join(dataDir, 'xinfang.db')).equals(dbBefore)).toBe(true);
  });

  it('a re-key by the administrator keeps the data, opens with the new key, and retires the old recovery code', async () => {
    const { dataDir, recoveryCode: oldCode } = await storeWithOneMatter();
    const h = host(dataDir);
    await signIn(h.dispatch, 'clerk');
    expect(await h.dispatch('store.rekey', {})).toMatchObject({ ok: false, code: 'forbidden' });
    await signIn(h.dispatch, 'admin');
    const { recoveryCode: newCode } = await must(h, 'store.rekey', {});
    expect(newCode).not.toBe(oldCode);
    // Long reads open their own connection with the new key.
    await signIn(h.dispatch, 'supervisor');
    expect(await h.dispatch('matters.queue', {})).toMatchObject({ ok: true, value: { counts: { open: 1 } } });
    await h.close();

    const again = host(dataDir);
    await signIn(again.dispatch, 'clerk');
    expect(JSON.stringify(await must(again, 'intake.listToday', {}))).toContain('王恢复');
    await again.close();

    const stale = host(copiedElsewhere(dataDir));
    expect(await stale.dispatch('store.recover', { code: oldCode })).toMatchObject({ ok: false, code: 'recovery_code_wrong' });
    expect(await stale.dispatch('store.recover', { code: newCode })).toMatchObject({ ok: true });
  });
});
