// 来访登记: the registration form beside today's list.
import { useCallback } from 'react';
import { useSyncStore } from '../sync/syncStore';
import { RegistrationForm } from './RegistrationForm';
import { TodayList } from './TodayList';
import { useTodayStore } from './todayStore';

export function IntakePage() {
  // A new registration changes both the list and the number waiting to sync.
  const refreshAll = useCallback(() => {
    void useTodayStore.getState().refresh();
    void useSyncStore.getState().refresh();
  }, []);
  return (
    <div style={{ display: 'flex', gap: 12, height: '100%' }}>
      <div style={{ flex: '0 0 540px', overflowY: 'auto' }}>
        <RegistrationForm onRegistered={refreshAll} />
      </div>
      <div style={{ flex: '1 1 auto', minWidth: 0 }}>
        <TodayList />
      </div>
    </div>
  );
}
