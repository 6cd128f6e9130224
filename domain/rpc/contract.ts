// The one RPC contract (DESIGN.md §2): method name -> input and output schemas, assembled from
// each feature's methods. The renderer's client, the IPC handlers and the loopback HTTP
// transport all derive their types from here.
import type { z } from 'zod';
import '../schema/zodLocale';
import { correctionMethods } from '../corrections/rpc';
import { backupMethods } from '../backup/rpc';
import { figuresMethods } from '../figures/rpc';
// The full register (台账), 统计's breakdowns and the register's Excel export.
import { breakdownMethods } from '../figures/breakdownRpc';
import { registerMethods } from '../register/rpc';
import { recordMethods } from '../records/rpc';
import { attachmentMethods } from '../intake/attachments';
import { intakeMethods } from '../intake/rpc';
import { matterMethods } from '../matters/rpc';
import { noticeSettingsMethods } from '../documents/settings';
import { referenceMethods } from '../reference/rpc';
import { staffMethods } from '../staff/rpc';
import { syncMethods } from '../sync/rpc';
// search from every screen (issue #12)
import { searchMethods } from '../search/rpc';

export { enrollInputSchema, syncStatusSchema, type SyncStatus } from '../sync/rpc';

/** `today` (YYYY-MM-DD) comes from the caller's clock: domain/ reads none. */
export function makeContract(today: () => string) {
  return {
    ...staffMethods,
    ...intakeMethods(today),
    ...attachmentMethods,
    ...matterMethods,
    ...referenceMethods,
    ...syncMethods,
    ...figuresMethods,
    // Backup and restore (issue #15)
    ...backupMethods,
    // The full register (台账), 统计's breakdowns and the register's Excel export (issue #12)
    ...registerMethods,
    ...breakdownMethods,
    // search from every screen (issue #12)
    ...searchMethods,
    // Corrections that keep history, and Excel in (历史台账) (issue #12)
    ...correctionMethods,
    ...recordMethods,
    // #13 notices: the issuing bureau and the organisation tree
    ...noticeSettingsMethods,
  } as const;
}
export type Contract = ReturnType<typeof makeContract>;
export type Method = keyof Contract;
export type MethodInput<M extends Method> = z.input<Contract[M]['input']>;
export type MethodParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends Method> = z.infer<Contract[M]['output']>;
export const METHODS = Object.keys(makeContract(() => '2000-01-01')) as Method[];
