// Files that hold personal data outside the store (attachments, printed documents) are sealed
// with AES-256-GCM under a file key kept inside the encrypted store: a stolen laptop yields only
// ciphertext, and re-keying the store leaves the files as they are. Each file is written under a
// temporary name and renamed, readable by this user only, so a crash never leaves half a file.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { LocalDb } from '../../db/open';
import { getSetting, putSetting } from '../../db/settings';

const KEY_SETTING = 'file_key';
const MAGIC = Buffer.from('XFS1');
const IV_LEN = 12;
const TAG_LEN = 16;

export type Sealed = { kind: 'ok'; bytes: Buffer } | { kind: 'missing' } | { kind: 'damaged' };

export interface SealedFiles {
  write(file: string, bytes: Buffer): void;
  read(file: string): Sealed;
}

function fileKey(db: LocalDb): Buffer {
  const stored = getSetting(db, KEY_SETTING);
  if (typeof stored === 'string' && /^[0-9a-f]{64}$/.test(stored)) return Buffer.from(stored, 'hex');
  const key = randomBytes(32);
  putSetting(db, KEY_SETTING, key.toString('hex'));
  return key;
}

export function sealedFiles(db: LocalDb): SealedFiles {
  let key: Buffer | null = null;
  const k = () => (key ??= fileKey(db));
  return {
    write(file, bytes) {
      const iv = randomBytes(IV_LEN);
      const c = createCipheriv('aes-256-gcm', k(), iv);
      const body = Buffer.concat([c.update(bytes), c.final()]);
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, Buffer.concat([MAGIC, iv, c.getAuthTag(), body]), { flush: true, mode: 0o600 });
      fs.renameSync(tmp, file);
    },
    read(file) {
      if (!fs.existsSync(file)) return { kind: 'missing' };
      const all = fs.readFileSync(file);
      if (all.length < MAGIC.length + IV_LEN + TAG_LEN || !all.subarray(0, MAGIC.length).equals(MAGIC)) return { kind: 'damaged' };
      const iv = all.subarray(MAGIC.length, MAGIC.length + IV_LEN);
      const tag = all.subarray(MAGIC.length + IV_LEN, MAGIC.length + IV_LEN + TAG_LEN);
      try {
        const d = createDecipheriv('aes-256-gcm', k(), iv);
        d.setAuthTag(tag);
        return { kind: 'ok', bytes: Buffer.concat([d.update(all.subarray(MAGIC.length + IV_LEN + TAG_LEN)), d.final()]) };
      } catch {
        return { kind: 'damaged' };
      }
    },
  };
}
