// The hash under which the termination register (终结库) knows a person (domain/records/terminationRegister.ts).
import { createHash } from 'node:crypto';
import { terminationHashInput } from '../../../domain/records/terminationRegister';

export const terminationHash = (idNumber: string): string => createHash('sha256').update(terminationHashInput(idNumber)).digest('hex');
