// The RPC contract as the renderer sees it: the same schemas as the backend, bound to this
// machine's date so the form can check input before a round trip (the backend checks again).
import dayjs from 'dayjs';
import { makeContract } from '../../../domain/rpc/contract';

export const today = (): string => dayjs().format('YYYY-MM-DD');

export const localContract = makeContract(today);
