// The console's frame: set-up while no administrator exists, sign-in, the first password change,
// then the pages the role may open (CONSOLE_ACCESS) in a menu, each at its own path.
import { Button, Layout, Menu, Result, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { may } from '../../domain/console/access';
import { CITY_ROLE_LABELS, type CityRole } from '../../domain/console/roles';
import type { SessionState } from '../../domain/console/session';
import { api, messageOf } from './api';
import { PAGES, type ConsolePage } from './pages';
import { Centered } from './pages/Centered';
import { LoginPage } from './pages/LoginPage';
import { PasswordForm } from './pages/PasswordPage';
import { SetupPage } from './pages/SetupPage';
import { navigate, useLocation } from './route';
import { useSession } from './session';

const allowed = (role: CityRole, p: ConsolePage) => p.needs === 'signed-in' || may(role, p.needs);

function Shell({ state }: { state: SessionState & { staff: NonNullable<SessionState['staff']> } }) {
  const { path } = useLocation();
  const pages = PAGES.filter((p) => allowed(state.staff.role, p));
  const page = pages.find((p) => path === p.path || path.startsWith(`${p.path}/`)) ?? pages[0]!;
  const signOut = async () => {
    await api('POST', '/api/console/logout').catch(() => undefined);
    useSession.getState().signedOut();
  };
  return (
    <Layout style={{ minHeight: '100%' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16 }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, fontSize: 17, whiteSpace: 'nowrap' }}>
          市级信访管理控制台
        </Typography.Title>
        <Menu
          theme="dark"
          mode="horizontal"
          selectedKeys={[page.path]}
          onClick={({ key }) => navigate(key)}
          items={pages.map((p) => ({ key: p.path, label: p.label }))}
          style={{ flex: '1 1 auto', minWidth: 0, background: 'transparent' }}
        />
        <Space style={{ color: '#fff', whiteSpace: 'nowrap' }}>
          <span>
            {state.staff.name}（{CITY_ROLE_LABELS[state.staff.role]}）
          </span>
          <Button size="small" onClick={() => void signOut()}>
            退出登录
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 16 }}>{page.render()}</Layout.Content>
    </Layout>
  );
}

export function App() {
  const state = useSession((s) => s.state);
  const [failed, setFailed] = useState<string | null>(null);
  const [hadSession, setHadSession] = useState(false);
  useEffect(() => {
    api<SessionState>('GET', '/api/console/session')
      .then((s) => useSession.getState().set(s))
      .catch((e: unknown) => setFailed(messageOf(e)));
  }, []);
  useEffect(() => {
    if (state?.staff) setHadSession(true);
  }, [state?.staff]);

  if (failed) return <Result status="error" title="无法连接市级服务" subTitle={failed} />;
  if (!state) return <Spin style={{ display: 'block', marginTop: 96 }} />;
  if (state.setupNeeded) return <SetupPage />;
  if (!state.staff) return <LoginPage expired={hadSession} />;
  if (state.staff.mustChangePassword) {
    return (
      <Centered title="请先修改初始密码">
        <PasswordForm />
      </Centered>
    );
  }
  return <Shell state={{ ...state, staff: state.staff }} />;
}
