// The window's shell: title bar, the registration form beside today's list, and the sync
// status bar. It also tells the list and the status bar when a registration has happened.
import { Layout, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback } from 'react';
import { RegistrationForm } from './intake/RegistrationForm';
import { TodayList } from './intake/TodayList';
import { useTodayStore } from './intake/todayStore';
import { StatusBar } from './sync/StatusBar';
import { useSyncStore } from './sync/syncStore';

export function App() {
  // A new registration changes both the list and the number waiting to sync.
  const refreshAll = useCallback(() => {
    void useTodayStore.getState().refresh();
    void useSyncStore.getState().refresh();
  }, []);

  return (
    <Layout style={{ height: '100%' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16 }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, fontSize: 17, letterSpacing: 1 }}>
          信访窗口 · 来访登记
        </Typography.Title>
        <Typography.Text style={{ color: 'rgba(255,255,255,0.85)', marginLeft: 'auto' }}>
          {dayjs().format('YYYY年M月D日 dddd')}
        </Typography.Text>
      </Layout.Header>
      <Layout.Content style={{ display: 'flex', gap: 12, padding: 12, minHeight: 0, overflow: 'hidden' }}>
        <div style={{ flex: '0 0 540px', overflowY: 'auto' }}>
          <RegistrationForm onRegistered={refreshAll} />
        </div>
        <div style={{ flex: '1 1 auto', minWidth: 0 }}>
          <TodayList />
        </div>
      </Layout.Content>
      <StatusBar onSynced={refreshAll} />
    </Layout>
  );
}
