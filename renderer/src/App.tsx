// The window's shell, once someone is signed in: title bar with the pages the role may use
// (来访登记, 工作台, 台账, 统计, 账号管理, 文书设置) and the user, the page, and the sync status bar.
import { Layout, Menu, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { Suspense, useCallback } from 'react';
import { IntakePage } from './intake/IntakePage';
import { useTodayStore } from './intake/todayStore';
import { SessionGate } from './session/SessionGate';
import { UserMenu } from './session/UserMenu';
import { useMayCall } from './session/useMayCall';
import { useNavigation, type Page } from './shell/navigation';
import { AccountsPage, BackupPage, FiguresPage, ImportPage, MatterPage, NoticeSettingsPage, QueuePage, RegisterPage } from './shell/pages';
import type { Method } from '../../domain/rpc/contract';
import { defaultSort, emptyFilter } from '../../domain/register/filter';
import { StatusBar } from './sync/StatusBar';
import { useSyncStore } from './sync/syncStore';
// search from every screen (issue #12)
import { HeaderSearch } from './search/HeaderSearch';

function PageOf({ page }: { page: Page }) {
  switch (page.name) {
    case 'intake':
      return <IntakePage />;
    case 'queue':
      return <QueuePage />;
    case 'figures':
      return <FiguresPage />;
    case 'accounts':
      return <AccountsPage />;
    case 'noticeSettings':
      return <NoticeSettingsPage />;
    // Backup and restore (issue #15)
    case 'backup':
      return <BackupPage />;
    case 'matter':
      return <MatterPage matterId={page.matterId} />;
    case 'register':
      return <RegisterPage filter={page.filter} sort={page.sort} />;
    // Excel in (历史台账), issue #12
    case 'import':
      return <ImportPage />;
  }
}

/** Every page but 来访登记 is fetched when first opened (shell/pages.tsx): a spinner meanwhile. */
const PageView = ({ page }: { page: Page }) => (
  <Suspense fallback={<Spin style={{ display: 'block', marginTop: 48 }} />}>
    <PageOf page={page} />
  </Suspense>
);

type MenuPage = Exclude<Page['name'], 'matter'>;
/** Each page of the menu and the call it is built on: a role that may not make it does not see it. */
const MENU: readonly { key: MenuPage; label: string; needs: Method }[] = [
  { key: 'intake', label: '来访登记', needs: 'intake.register' },
  { key: 'queue', label: '工作台', needs: 'matters.queue' },
  // The full register (台账, issue #12).
  { key: 'register', label: '台账', needs: 'register.page' },
  { key: 'figures', label: '统计', needs: 'figures.get' },
  { key: 'accounts', label: '账号管理', needs: 'accounts.list' },
  // Excel in (历史台账), issue #12
  { key: 'import', label: '台账导入', needs: 'records.import' },
  // #13: who issues the notices and which bodies review whose opinions
  { key: 'noticeSettings', label: '文书设置', needs: 'noticeSettings.get' },
  // Backup and restore (issue #15)
  { key: 'backup', label: '备份与恢复', needs: 'backup.status' },
];

/** A menu page as first opened: the register shows every matter, newest first. */
const pageFor = (key: MenuPage): Page => (key === 'register' ? { name: 'register', filter: emptyFilter(), sort: defaultSort() } : { name: key });

function Desk() {
  const { page, open, previous } = useNavigation();
  const may = useMayCall();
  const items = MENU.filter((m) => may.method(m.needs));
  const refreshAll = useCallback(() => {
    void useTodayStore.getState().refresh();
    void useSyncStore.getState().refresh();
  }, []);
  // A page the role may not use (an administrator signs in where a clerk was) gives way to the first it may.
  const shown: Page = page.name === 'matter' || items.some((i) => i.key === page.name) ? page : pageFor(items[0]?.key ?? 'figures');

  return (
    <Layout style={{ height: '100%' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16 }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, fontSize: 17, letterSpacing: 1, whiteSpace: 'nowrap' }}>
          信访窗口
        </Typography.Title>
        <Menu
          theme="dark"
          mode="horizontal"
          selectedKeys={[shown.name === 'matter' ? (previous?.name === 'register' ? 'register' : 'queue') : shown.name]}
          onClick={({ key }) => open(pageFor(key as MenuPage))}
          items={items.map(({ key, label }) => ({ key, label }))}
          style={{ flex: '1 1 auto', minWidth: 0, background: 'transparent' }}
        />
        {/* search from every screen (issue #12) */}
        <HeaderSearch />
        <UserMenu />
        <Typography.Text style={{ color: 'rgba(255,255,255,0.85)', whiteSpace: 'nowrap' }}>{dayjs().format('YYYY年M月D日 dddd')}</Typography.Text>
      </Layout.Header>
      <Layout.Content style={{ padding: 12, minHeight: 0, overflow: 'auto' }}>
        <PageView page={shown} />
      </Layout.Content>
      <StatusBar onSynced={refreshAll} />
    </Layout>
  );
}

export function App() {
  return (
    <SessionGate>
      <Desk />
    </SessionGate>
  );
}
