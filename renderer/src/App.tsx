// The window's shell: title bar with the pages (来访登记, 工作台, 统计) and the operator, the page, and
// the sync status bar.
import { Layout, Menu, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { lazy, Suspense, useCallback } from 'react';
import { IntakePage } from './intake/IntakePage';
import { useTodayStore } from './intake/todayStore';
import { MatterPage } from './matters/MatterPage';
import { QueuePage } from './queue/QueuePage';
import { OperatorBadge } from './shell/OperatorBadge';
import { useNavigation, type Page } from './shell/navigation';
import { StatusBar } from './sync/StatusBar';
import { useSyncStore } from './sync/syncStore';

// The charts are loaded only when 统计 is opened: the desk itself starts without them.
const FiguresPage = lazy(() => import('./figures/FiguresPage').then((m) => ({ default: m.FiguresPage })));

function PageView({ page }: { page: Page }) {
  switch (page.name) {
    case 'intake':
      return <IntakePage />;
    case 'queue':
      return <QueuePage />;
    case 'figures':
      return (
        <Suspense fallback={<Spin style={{ display: 'block', marginTop: 48 }} />}>
          <FiguresPage />
        </Suspense>
      );
    case 'matter':
      return <MatterPage matterId={page.matterId} />;
  }
}

export function App() {
  const { page, open } = useNavigation();
  const refreshAll = useCallback(() => {
    void useTodayStore.getState().refresh();
    void useSyncStore.getState().refresh();
  }, []);

  return (
    <Layout style={{ height: '100%' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16 }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, fontSize: 17, letterSpacing: 1, whiteSpace: 'nowrap' }}>
          信访窗口
        </Typography.Title>
        <Menu
          theme="dark"
          mode="horizontal"
          selectedKeys={[page.name === 'matter' ? 'queue' : page.name]}
          onClick={({ key }) => open({ name: key as 'intake' | 'queue' | 'figures' })}
          items={[
            { key: 'intake', label: '来访登记' },
            { key: 'queue', label: '工作台' },
            { key: 'figures', label: '统计' },
          ]}
          style={{ flex: '1 1 auto', minWidth: 0, background: 'transparent' }}
        />
        <OperatorBadge />
        <Typography.Text style={{ color: 'rgba(255,255,255,0.85)', whiteSpace: 'nowrap' }}>{dayjs().format('YYYY年M月D日 dddd')}</Typography.Text>
      </Layout.Header>
      <Layout.Content style={{ padding: 12, minHeight: 0, overflow: 'auto' }}>
        <PageView page={page} />
      </Layout.Content>
      <StatusBar onSynced={refreshAll} />
    </Layout>
  );
}
