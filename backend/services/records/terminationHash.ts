// The hash under which the termination register (终结库) knows a person (domain/records/terminationRegister.ts).
import { createHash } from 'node:crypto';
import { terminationHashInput } from '../../../domain/records/terminationRegister';

export const terminationHash = (documentNumber: string): string => createHash('sha256').update(terminationHashInput(documentNumber)).digest('hex');
