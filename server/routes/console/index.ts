// The city's console (DESIGN.md §6, issue #14): its JSON API under /api/console, every route but
// the sign-in ones behind a session (console/guard.ts), and its pages, built by Vite from
// console/, at `/`.
import type { FastifyPluginAsync } from 'fastify';
import type { ConsoleConfig } from '../../console/guard';
import { consolePages } from './pages';
import { consoleAuditRoutes } from './audit';
import { consoleCampaignRoutes } from './campaigns';
import { consoleDeviceRoutes } from './devices';
import { consoleMatterRoutes } from './matters';
import { consoleSupervisionRoutes } from './supervision';
import { consoleSessionRoutes } from './session';
import { consoleStaffRoutes } from './staff';
import { consoleSyncFileRoutes } from './syncFiles';
import type { PushQueue } from '../../push/queue';

export interface ConsoleOptions extends ConsoleConfig {
  /** The built console (index.html and assets); without it `/` says how to build it. */
  pagesDir: string | null;
  /** The city's one push queue: a sync file imported here goes through it like any push. */
  queue: PushQueue;
}

export const consoleRoutes: FastifyPluginAsync<ConsoleOptions> = async (app, { pagesDir, queue, ...config }) => {
  app.decorateRequest('staff', null);
  await app.register(consoleSessionRoutes, config);
  await app.register(consoleStaffRoutes, config);
  await app.register(consoleAuditRoutes, config);
  await app.register(consoleDeviceRoutes, config);
  await app.register(consoleMatterRoutes, config);
  await app.register(consoleSupervisionRoutes, config);
  await app.register(consoleCampaignRoutes, config);
  await app.register(consoleSyncFileRoutes, { ...config, queue });
  await app.register(consolePages, { pagesDir });
};
