// The signed-in user in the title bar, with what they may do about their session: change the
// password, lock the window on leaving the desk, sign out.
import { Button, Dropdown, Modal } from 'antd';
import { useState } from 'react';
import { ROLE_LABELS } from '../../../domain/staff/roles';
import { PasswordForm } from './PasswordForm';
import { useSessionStore } from './sessionStore';

export function UserMenu() {
  const user = useSessionStore((s) => s.session?.user);
  const call = useSessionStore((s) => s.call);
  const [changing, setChanging] = useState(false);
  if (!user) return null;
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'password', label: '修改密码' },
            { key: 'lock', label: '锁定窗口' },
            { key: 'logout', label: '退出登录' },
          ],
          onClick: ({ key }) => {
            if (key === 'password') setChanging(true);
            else void call(key === 'lock' ? 'session.lock' : 'session.logout', {});
          },
        }}
      >
        <Button size="small" ghost data-testid="user-menu">
          {user.name}（{ROLE_LABELS[user.role]}）
        </Button>
      </Dropdown>
      <Modal open={changing} title="修改密码" footer={null} onCancel={() => setChanging(false)} destroyOnHidden>
        <PasswordForm onDone={() => setChanging(false)} />
      </Modal>
    </>
  );
}
