// The layout of a backup on disk (issue #15). Each backup is a folder of its own, on a chosen
// folder or USB drive:
//   xinfang-backup-20261201-083000[-daily]/
//     xinfang.db              the store, encrypted under the store's key (db/storeCopy.ts)
//     xinfang.recovery.json   that key sealed under the county recovery code (services/recovery.ts)
//     attachments/ documents/ the sealed files, as they are in the data folder
//     manifest.json           what the copy holds; written last, so a folder without it is unfinished
// The manifest holds counts and ids, never personal data.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { BackupEntry } from '../../domain/backup/rpc';

export const MANIFEST = 'manifest.json';
/** The store's copy inside a backup folder. */
export const BACKUP_DB = 'xinfang.db';
const PREFIX = 'xinfang-backup-';
/** The sealed-file folders of the data folder that travel with the store. */
export const SEALED_DIRS = ['attachments', 'documents'] as const;

export const manifestSchema = z.object({
  format: z.literal('xinfang-backup'),
  version: z.literal(1),
  createdAt: z.string(),
  kind: z.enum(['manual', 'daily']),
  installId: z.string(),
  deviceId: z.string().nullable(),
  deviceCode: z.string().nullable(),
  countyCode: z.string().nullable(),
  lastSeq: z.number().int(),
  ackedSeq: z.number().int(),
  matters: z.number().int(),
  bytes: z.number().int(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type Manifest = z.infer<typeof manifestSchema>;

/** 20261201-083000 in the machine's own time: what a person recognises on the drive. */
function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

export const backupName = (at: Date, kind: Manifest['kind']) => `${PREFIX}${stamp(at)}${kind === 'daily' ? '-daily' : ''}`;
export const partialName = (at: Date) => `.${PREFIX}partial-${stamp(at)}-${process.pid}`;

export function entryOf(dir: string, m: Manifest): BackupEntry {
  return {
    path: dir,
    name: path.basename(dir),
    createdAt: m.createdAt,
    kind: m.kind,
    bytes: m.bytes,
    matters: m.matters,
    lastSeq: m.lastSeq,
    ackedSeq: m.ackedSeq,
    deviceCode: m.deviceCode,
  };
}

/** A finished backup's manifest, or null (no backup there, an unfinished one, or not ours). */
export function readManifest(dir: string): Manifest | null {
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(fs.readFileSync(path.join(dir, MANIFEST), 'utf8')));
    return parsed.success && fs.existsSync(path.join(dir, BACKUP_DB)) ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The finished backups in `folder`, the newest first. */
export function listBackups(folder: string): { dir: string; manifest: Manifest }[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder).filter((n) => n.startsWith(PREFIX));
  } catch {
    return [];
  }
  return names
    .map((n) => ({ dir: path.join(folder, n), manifest: readManifest(path.join(folder, n)) }))
    .filter((b): b is { dir: string; manifest: Manifest } => b.manifest !== null)
    .sort((a, b) => b.manifest.createdAt.localeCompare(a.manifest.createdAt));
}

/**
 * Daily backups of this installation beyond the newest `keep`, removed; manual ones and other
 * windows' backups on the same drive are never touched.
 */
export function pruneDaily(folder: string, installId: string, keep: number): string[] {
  const daily = listBackups(folder).filter((b) => b.manifest.kind === 'daily' && b.manifest.installId === installId);
  const gone = daily.slice(keep).map((b) => b.dir);
  for (const dir of gone) fs.rmSync(dir, { recursive: true, force: true });
  return gone;
}

export async function sha256File(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) h.update(chunk as Buffer);
  return h.digest('hex');
}

/** Copies the sealed-file folders from `from` to `to`; a file already there is kept (names are unique). */
export async function copySealedDirs(from: string, to: string): Promise<void> {
  for (const d of SEALED_DIRS) {
    const src = path.join(from, d);
    if (fs.existsSync(src)) await fs.promises.cp(src, path.join(to, d), { recursive: true, force: false, errorOnExist: false });
  }
}

/** Watches a file grow while it is written, for the progress shown to the administrator. */
export function watchSize(file: string, onSize: (bytes: number) => void, everyMs = 250): () => void {
  const timer = setInterval(() => {
    fs.stat(file, (e, st) => {
      if (!e) onSize(st.size);
    });
  }, everyMs);
  return () => clearInterval(timer);
}
