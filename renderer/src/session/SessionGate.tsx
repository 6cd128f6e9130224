// What the window shows before the desk: the recovery code's screen when the store does not
// open, set-up, sign-in, the forced password change, or the desk itself — under the lock screen
// while the session is locked, so nothing typed is lost.
import { Alert, Card, Spin, Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { LockScreen } from './LockScreen';
import { PasswordForm } from './PasswordForm';
import { RecoveryCodeNotice } from './RecoveryCodeNotice';
import { RecoveryScreen } from './RecoveryScreen';
import { SignInScreen } from './SignInScreen';
import { useIdleLock } from './useIdleLock';
import { useSessionStore } from './sessionStore';

export function SessionGate({ children }: { children: ReactNode }) {
  const { session, error, recoveryCode, keptRecoveryCode } = useSessionStore();
  useEffect(() => void useSessionStore.getState().refresh(), []);
  useIdleLock();

  // An Alert, not antd's Result: Result carries its 403/404/500 drawings into the first chunk.
  if (!session) return error ? <Alert type="error" showIcon title="无法连接本机后台服务" description={error} style={{ maxWidth: 480, margin: '96px auto 0' }} /> : <Spin style={{ display: 'block', marginTop: 96 }} />;
  if (session.recoveryNeeded) return <RecoveryScreen />;
  if (session.setupNeeded) return <SignInScreen setup />;
  if (!session.user) return <SignInScreen setup={false} />;
  if (session.user.mustChangePassword && !session.locked) {
    return (
      <main style={{ display: 'flex', justifyContent: 'center', alignItems: 'center', height: '100%' }}>
        <Card style={{ width: 380 }} title="首次登录，请修改初始密码">
          <Typography.Paragraph type="secondary">管理员设置的初始密码只能使用一次。</Typography.Paragraph>
          <PasswordForm />
        </Card>
      </main>
    );
  }
  return (
    <>
      {children}
      {session.locked && <LockScreen />}
      {recoveryCode && <RecoveryCodeNotice code={recoveryCode} onDone={keptRecoveryCode} />}
    </>
  );
}
