// The window's staff passwords: the one hash format of domain/staff/passwordHashing.ts on Node's scrypt.
import { randomBytes, scrypt } from 'node:crypto';
import { promisify } from 'node:util';
import { passwordHashing, type Scrypt } from '../../domain/staff/passwordHashing';

export { DEFAULT_SCRYPT_COST } from '../../domain/staff/passwordHashing';
export const { hashPassword, verifyPassword } = passwordHashing(promisify(scrypt) as Scrypt, randomBytes);
