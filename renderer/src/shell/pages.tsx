// The pages behind the menu, each its own chunk fetched when first opened: the first screen
// (sign-in, then 来访登记) loads none of them, so the desk is typing-ready sooner (issue #15).
// 来访登记 itself stays in the first chunk — it is what a clerk's window opens on.
import { lazy } from 'react';

export const QueuePage = lazy(() => import('../queue/QueuePage').then((m) => ({ default: m.QueuePage })));
export const MatterPage = lazy(() => import('../matters/MatterPage').then((m) => ({ default: m.MatterPage })));
// The full register (台账, issue #12).
export const RegisterPage = lazy(() => import('../register/RegisterPage').then((m) => ({ default: m.RegisterPage })));
// 统计 brings echarts, the largest package of all.
export const FiguresPage = lazy(() => import('../figures/FiguresPage').then((m) => ({ default: m.FiguresPage })));
export const AccountsPage = lazy(() => import('../accounts/AccountsPage').then((m) => ({ default: m.AccountsPage })));
// Excel in (历史台账), issue #12
export const ImportPage = lazy(() => import('../records/ImportPage').then((m) => ({ default: m.ImportPage })));
// #13: who issues the notices and which bodies review whose opinions
export const NoticeSettingsPage = lazy(() => import('../notices/NoticeSettingsPage').then((m) => ({ default: m.NoticeSettingsPage })));
// Backup and restore (issue #15)
export const BackupPage = lazy(() => import('../backup/BackupPage').then((m) => ({ default: m.BackupPage })));
