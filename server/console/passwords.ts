// The city staff's passwords: the same hash format as the window's (domain/staff/passwordHashing.ts) on Node's scrypt.
import { randomBytes, scrypt } from 'node:crypto';
import { promisify } from 'node:util';
import { passwordHashing, type Scrypt } from '../../domain/staff/passwordHashing';

export const { hashPassword, verifyPassword } = passwordHashing(promisify(scrypt) as Scrypt, randomBytes);
