// Checks the city's update feed (updateFeed.ts) once the window is up, downloads in the
// background and installs on the next quit; nothing happens when no feed was set.
import fs from 'node:fs';
import path from 'node:path';
import { autoUpdater } from 'electron-updater';
import { updateFeed } from './updateFeed';

export function startUpdates(appRoot: string): void {
  const feed = updateFeed(JSON.parse(fs.readFileSync(path.join(appRoot, 'package.json'), 'utf8')));
  if (!feed) return;
  autoUpdater.setFeedURL(feed);
  autoUpdater.autoInstallOnAppQuit = true;
  void autoUpdater.checkForUpdatesAndNotify().catch((e: unknown) => console.error('[main] update check failed', e));
}
