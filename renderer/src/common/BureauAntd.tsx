// antd as the bureau's screens have it, the desk's and the city console's alike: Chinese, the
// sober theme with every text at WCAG 2.1 AA, and motion only when the system has not asked for
// less. antd's rules come as one prebuilt stylesheet with zeroRuntime: antd no longer writes each
// component's CSS in the browser on first render, the largest single cost before the intake form
// takes typing (issue #15); the rules read the theme from CSS variables, which antd still sets
// from deskTheme at run time. antd's App wrapper gives components message and modal bound to all
// of this.
import type { ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import 'antd/dist/antd.css';
import { deskTheme } from './theme';
import { useReducedMotion } from './useReducedMotion';

export function BureauAntd({ children }: { children: ReactNode }) {
  const motion = !useReducedMotion();
  return (
    <ConfigProvider locale={zhCN} theme={{ ...deskTheme, token: { ...deskTheme.token, motion }, zeroRuntime: true }} wave={{ disabled: !motion }}>
      {/* App renders a wrapper div; it must carry the full height down to the page. */}
      <AntApp style={{ height: '100%' }}>{children}</AntApp>
    </ConfigProvider>
  );
}
