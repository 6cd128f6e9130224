// What the signed-in role may do, from the backend's own table (domain/staff/permissions.ts), so
// the window offers only those buttons. The backend checks again on every call.
import type { CommandType } from '../../../domain/matters/commands';
import type { Method } from '../../../domain/rpc/contract';
import { COMMAND_ACCESS, mayCall, METHOD_ACCESS } from '../../../domain/staff/permissions';
import { useSessionStore } from './sessionStore';

export function useMayCall(): { method: (m: Method) => boolean; step: (c: CommandType) => boolean } {
  const role = useSessionStore((s) => s.session?.user?.role);
  return {
    method: (m) => role !== undefined && mayCall(METHOD_ACCESS[m], role),
    step: (c) => role !== undefined && COMMAND_ACCESS[c].includes(role),
  };
}
