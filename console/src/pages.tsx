// The console's pages, in menu order, with what each needs (domain/console/access.ts).
import type { ReactNode } from 'react';
import type { ConsoleCapability } from '../../domain/console/access';
import { AuditPage } from './pages/AuditPage';
import { CampaignsPage } from './pages/CampaignsPage';
import { DevicesPage } from './pages/DevicesPage';
import { FiguresPage } from './pages/FiguresPage';
import { MattersPage } from './pages/MattersPage';
import { ReferencePage } from './pages/ReferencePage';
import { SupervisionPage } from './pages/SupervisionPage';
import { PasswordForm } from './pages/PasswordPage';
import { StaffPage } from './pages/StaffPage';
import { SyncFilePage } from './pages/SyncFilePage';

export interface ConsolePage {
  path: string;
  label: string;
  needs: ConsoleCapability | 'signed-in';
  render: () => ReactNode;
}

export const PAGES: readonly ConsolePage[] = [
  { path: '/figures', label: '统计', needs: 'figures.read', render: () => <FiguresPage /> },
  { path: '/matters', label: '信访件', needs: 'matters.read', render: () => <MattersPage /> },
  { path: '/supervision', label: '督办', needs: 'matters.read', render: () => <SupervisionPage /> },
  { path: '/campaigns', label: '专项', needs: 'campaigns.read', render: () => <CampaignsPage /> },
  { path: '/reference', label: '基础数据', needs: 'reference.publish', render: () => <ReferencePage /> },
  { path: '/devices', label: '设备', needs: 'devices.read', render: () => <DevicesPage /> },
  { path: '/sync-files', label: 'U盘同步', needs: 'syncFiles.import', render: () => <SyncFilePage /> },
  { path: '/staff', label: '账号', needs: 'staff.manage', render: () => <StaffPage /> },
  { path: '/audit', label: '审计', needs: 'audit.read', render: () => <AuditPage /> },
  { path: '/password', label: '修改密码', needs: 'signed-in', render: () => <PasswordForm /> },
];
