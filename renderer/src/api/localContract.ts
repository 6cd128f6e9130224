// The RPC contract as the renderer checks it before a round trip: the backend's own schemas for
// the intake desk's methods, bound to this machine's date (the backend checks again). Only
// intake's: the whole contract (domain/rpc/contract.ts) builds every feature's schemas, and
// that was work the first screen waited for (issue #15).
import dayjs from 'dayjs';
// Chinese messages for the checks, as the contract itself sets them.
import '../../../domain/schema/zodLocale';
import { intakeMethods } from '../../../domain/intake/rpc';

export const today = (): string => dayjs().format('YYYY-MM-DD');

export const localContract = intakeMethods(today);
