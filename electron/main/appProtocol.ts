// The app's own pages come from a custom scheme, app://desk/…, not file:// (DESIGN.md §6): a
// file:// page could read any file the user can, and every local file would count as "own".
// This module resolves a request to a file inside the renderer build and sets the headers every
// answer carries (the full CSP among them); it has no runtime Electron import, so a plain-Node
// test pins it. index.ts registers the scheme and serves with it.
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from './security';

export const APP_SCHEME = 'app';
export const APP_HOST = 'desk';
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

/** The file under `root` that `url` names, or null: another scheme or host, or a path that leaves the root. */
export function fileForAppUrl(url: string, root: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (rel.includes('\0')) return null;
  const file = path.resolve(root, `.${rel === '/' ? '/index.html' : rel}`);
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

/** The headers of every answer on the scheme: its type, the CSP, and no sniffing or framing. */
export function appResponseHeaders(file: string): Record<string, string> {
  return {
    'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cross-origin-opener-policy': 'same-origin',
  };
}
