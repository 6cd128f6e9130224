// Renderer entry: antd as the bureau's screens have it (Chinese, the desk's theme) and dayjs in
// Chinese.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { App } from './App';
import { BureauAntd } from './common/BureauAntd';

dayjs.locale('zh-cn');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BureauAntd>
      <App />
    </BureauAntd>
  </StrictMode>,
);
