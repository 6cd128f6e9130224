// The lifecycle steps the backend allows now (allowedCommands), one button each; a button opens
// its CommandDialog. Nothing is offered that the state and route rules, or the signed-in role, would refuse.
import { Button, Space } from 'antd';
import { useState } from 'react';
import { COMMAND_LABELS, COMMAND_TYPES, type CommandType } from '../../../domain/matters/commands';
import { useMayCall } from '../session/useMayCall';
import type { MatterDetail } from '../../../domain/matters/rpc';
import { CommandDialog } from './CommandDialog';

// Recording a repeat visit, a hearing, a 办结报告, a higher-level visit or 息诉罢访 is a side step, not the way forward.
const SIDE_STEPS: readonly CommandType[] = ['repeatVisit', 'noticeHearing', 'pauseForHearing', 'report', 'higherLevelVisit', 'desist'];

export function CommandBar({ matter }: { matter: MatterDetail }) {
  const [open, setOpen] = useState<CommandType | null>(null);
  const may = useMayCall();
  const commands = COMMAND_TYPES.filter((t) => matter.allowedCommands.includes(t) && may.step(t));
  const forward = commands.filter((t) => !SIDE_STEPS.includes(t));
  return (
    <>
      <Space wrap data-testid="commands">
        {commands.map((t) => (
          <Button key={t} data-testid={`command-${t}`} type={t === forward[0] ? 'primary' : 'default'} onClick={() => setOpen(t)}>
            {COMMAND_LABELS[t]}
          </Button>
        ))}
      </Space>
      {open && <CommandDialog matter={matter} type={open} onClose={() => setOpen(null)} />}
    </>
  );
}
