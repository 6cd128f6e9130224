// Renderer entry: Chinese locale for antd and dayjs, the desk's theme, and antd's App wrapper
// so components get message/modal bound to this theme and locale.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
// antd's rules as one prebuilt stylesheet, with zeroRuntime below: antd no longer writes each
// component's CSS in the browser on first render, the largest single cost before the intake form
// takes typing (issue #15). The rules read the theme from CSS variables, which antd still sets
// from deskTheme at run time, so the theme holds as before.
import 'antd/dist/antd.css';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { App } from './App';
import { deskTheme } from './shell/theme';
import { useReducedMotion } from './shell/useReducedMotion';

dayjs.locale('zh-cn');

function Root() {
  const motion = !useReducedMotion();
  return (
    <ConfigProvider locale={zhCN} theme={{ ...deskTheme, token: { ...deskTheme.token, motion }, zeroRuntime: true }} wave={{ disabled: !motion }}>
      {/* App renders a wrapper div; it must carry the full height down to the shell. */}
      <AntApp style={{ height: '100%' }}>
        <App />
      </AntApp>
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
