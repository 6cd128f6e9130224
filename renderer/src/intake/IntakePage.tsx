// 来访登记: the registration form, and beside it what the clerk needs while the visitor stands
// there — drafts to resume, the person's earlier matters, the last registration's receipt and
// attachments — above today's list.
import { useCallback } from 'react';
import { Form } from 'antd';
import { useSyncStore } from '../sync/syncStore';
import { DraftsPanel } from './DraftsPanel';
import type { FormValues } from './formModel';
import { PriorMatters } from './PriorMatters';
import { RegisteredPanel } from './RegisteredPanel';
import { RegistrationForm } from './RegistrationForm';
import { TodayList } from './TodayList';
import { useTodayStore } from './todayStore';

export function IntakePage() {
  const [form] = Form.useForm<FormValues>();
  // A new registration changes both the list and the number waiting to sync.
  const refreshAll = useCallback(() => {
    void useTodayStore.getState().refresh();
    void useSyncStore.getState().refresh();
  }, []);
  return (
    <div style={{ display: 'flex', gap: 12, height: '100%' }}>
      <div style={{ flex: '0 0 620px', overflowY: 'auto' }}>
        <RegistrationForm form={form} onRegistered={refreshAll} />
      </div>
      <div style={{ flex: '1 1 auto', minWidth: 0, overflowY: 'auto', display: 'flex', flexDirection: 'column', gap: 12 }}>
        <DraftsPanel form={form} />
        <PriorMatters />
        <RegisteredPanel />
        <TodayList />
      </div>
    </div>
  );
}
