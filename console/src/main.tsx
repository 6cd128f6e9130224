// Console entry: antd as the bureau's screens have it, the desk's own (Chinese, its theme at
// WCAG 2.1 AA contrast, reduced motion followed), and dayjs in Chinese.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { BureauAntd } from '../../renderer/src/common/BureauAntd';
import { App } from './App';

dayjs.locale('zh-cn');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BureauAntd>
      <App />
    </BureauAntd>
  </StrictMode>,
);
