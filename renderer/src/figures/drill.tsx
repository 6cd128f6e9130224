// Every number on 统计 opens the register on the matters behind it (issue #12): the number is a
// link to the register filtered by its group and drilled by the indicator's own definition
// (domain/figures/breakdowns.ts countedBy). Roles that may not read the register see the number.
import { Button } from 'antd';
import { type ReactNode, useCallback } from 'react';
import { defaultSort, type Drill, registerFilterSchema, type RegisterFilterInput } from '../../../domain/register/filter';
import { useMayCall } from '../session/useMayCall';
import { useNavigation } from '../shell/navigation';

/** Opens the register on a group (its filter) and a number (the drill). */
export function useOpenDrill(): ((group: RegisterFilterInput, drill: Drill) => void) | null {
  const may = useMayCall();
  const open = useNavigation((s) => s.open);
  const openDrill = useCallback((group: RegisterFilterInput, drill: Drill) => open({ name: 'register', filter: registerFilterSchema.parse({ ...group, drill }), sort: defaultSort() }), [open]);
  return may.method('register.page') ? openDrill : null;
}

/** A number that opens its matters; `label` names it for screen readers and tests. */
export function DrillNumber({ children, group = {}, drill, label }: { children: ReactNode; group?: RegisterFilterInput; drill: Drill; label: string }) {
  const openDrill = useOpenDrill();
  if (!openDrill) return <>{children}</>;
  return (
    <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} aria-label={label} title="查看对应的事项" onClick={() => openDrill(group, drill)}>
      {children}
    </Button>
  );
}
