// 来访登记: the registration form, and beside it what the clerk needs while the visitor stands
// there — drafts to resume, the person's earlier matters, the last registration's receipt and
// attachments — above today's list. The form is drawn first; the panels beside it follow in
// their own chunk, so the form takes typing without waiting for them (issue #15).
import { lazy, Suspense, useCallback } from 'react';
import { Form, Spin } from 'antd';
import { useSyncStore } from '../sync/syncStore';
import type { FormValues } from './formModel';
import { RegistrationForm } from './RegistrationForm';
import { useTodayStore } from './todayStore';

const SidePanels = lazy(() => import('./SidePanels').then((m) => ({ default: m.SidePanels })));

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
        <Suspense fallback={<Spin style={{ display: 'block', marginTop: 48 }} />}>
          <SidePanels form={form} />
        </Suspense>
      </div>
    </div>
  );
}
