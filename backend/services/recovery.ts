// The county recovery key (DESIGN.md §3): a code shown once to the administrator at set-up (and
// again after a re-key), to be printed and kept offline. It opens the store on another machine
// when this one's keystore is lost: the store's key, sealed under a key derived from the code
// (scrypt, AES-256-GCM), lives in a small file beside the store and travels with it in backups.
import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { err, ok, type Result } from '../../domain/result';

export const RECOVERY_FILE = 'xinfang.recovery.json';
// Crockford's base32: no I, L, O or U to misread on paper.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_BYTES = 20;
const KDF = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

interface RecoveryFile {
  version: 1;
  salt: string;
  iv: string;
  tag: string;
  sealedKey: string;
}

/** 160 random bits as 32 characters in groups of four: XXXX-XXXX-…. */
function newCode(): string {
  const bytes = randomBytes(CODE_BYTES);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.match(/.{4}/g)!.join('-');
}

/** What a person types back: case, spaces, dashes and the look-alikes forgiven. */
const normalise = (code: string) => code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');

function derive(code: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(normalise(code), salt, 32, KDF, (e, k) => (e ? reject(e) : resolve(k))));
}

/** Seals `key` under a new recovery code, replacing any earlier file, and returns the code. */
export async function writeRecovery(dataDir: string, key: string): Promise<string> {
  const code = newCode();
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', await derive(code, salt), iv);
  const sealed = Buffer.concat([c.update(Buffer.from(key, 'hex')), c.final()]);
  const file: RecoveryFile = { version: 1, salt: salt.toString('hex'), iv: iv.toString('hex'), tag: c.getAuthTag().toString('hex'), sealedKey: sealed.toString('hex') };
  const target = path.join(dataDir, RECOVERY_FILE);
  fs.writeFileSync(`${target}.tmp`, JSON.stringify(file), { mode: 0o600, flush: true });
  fs.renameSync(`${target}.tmp`, target);
  return code;
}

/** The store's key from the recovery code, or why not. */
export async function recoverKey(dataDir: string, code: string): Promise<Result<string>> {
  let file: RecoveryFile;
  try {
    file = JSON.parse(fs.readFileSync(path.join(dataDir, RECOVERY_FILE), 'utf8')) as RecoveryFile;
  } catch {
    return err('recovery_file_missing', `数据目录中没有恢复文件（${RECOVERY_FILE}），无法用恢复密钥打开`);
  }
  try {
    const d = createDecipheriv('aes-256-gcm', await derive(code, Buffer.from(file.salt, 'hex')), Buffer.from(file.iv, 'hex'));
    d.setAuthTag(Buffer.from(file.tag, 'hex'));
    return ok(Buffer.concat([d.update(Buffer.from(file.sealedKey, 'hex')), d.final()]).toString('hex'));
  } catch {
    return err('recovery_code_wrong', '恢复密钥不正确，请核对打印的恢复密钥后重试', 'code');
  }
}
