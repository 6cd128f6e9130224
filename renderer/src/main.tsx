// Renderer entry: Chinese locale for antd and dayjs, the government-desk theme, and antd's
// App wrapper so components get message/modal bound to this theme and locale.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { App } from './App';

dayjs.locale('zh-cn');

const FONT =
  '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider
      locale={zhCN}
      theme={{
        // Sober blue and small radii: the look clerks know from other government systems.
        token: { colorPrimary: '#1d4f91', borderRadius: 3, fontFamily: FONT, fontSize: 14 },
        components: {
          Form: { itemMarginBottom: 14, verticalLabelPadding: '0 0 2px' },
          Table: { cellPaddingBlockSM: 6 },
          Layout: { headerHeight: 44, headerPadding: '0 16px', headerBg: '#1d4f91' },
        },
      }}
    >
      {/* App renders a wrapper div; it must carry the full height down to the shell. */}
      <AntApp style={{ height: '100%' }}>
        <App />
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
