// The window's security settings (DESIGN.md §6), kept free of runtime Electron imports so a
// plain-Node test can pin every one of them.
import type { WebPreferences } from 'electron';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function webPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    spellcheck: false,
    // A middle click must not open a link in a new window (electronegativity AUXCLICK_JS_CHECK).
    disableBlinkFeatures: 'Auxclick',
  };
}

/** The app's own page is its index on the app's scheme and host (appProtocol.ts); everything else is foreign. */
export function isOwnPage(url: string, appIndexUrl: string): boolean {
  try {
    const u = new URL(url);
    const own = new URL(appIndexUrl);
    return u.protocol === own.protocol && u.host === own.host && u.pathname === own.pathname;
  } catch {
    return false;
  }
}

/** Only names of the contract may cross the bridge. */
export const RPC_CHANNEL_PREFIX = 'rpc:';
