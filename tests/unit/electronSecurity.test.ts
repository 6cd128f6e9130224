// Each security setting of the window (DESIGN.md §6), pinned without an Electron binary.
import { describe, expect, it } from 'vitest';
import { APP_INDEX_URL, appResponseHeaders, fileForAppUrl } from '../../electron/main/appProtocol';
import { keystoreProtects } from '../../electron/main/keystoreTrust';
import { CONTENT_SECURITY_POLICY, isOwnPage, webPreferences } from '../../electron/main/security';

describe('window security', () => {
  it('isolates the page: context isolation, sandbox, no Node anywhere', () => {
    expect(webPreferences('/app/preload.cjs')).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
  it('has a strict CSP: own scripts only, no remote content, no objects or framing', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });
  it('accepts IPC only from the app’s own page', () => {
    expect(isOwnPage(`${APP_INDEX_URL}#/intake`, APP_INDEX_URL)).toBe(true);
    expect(isOwnPage('app://elsewhere/index.html', APP_INDEX_URL)).toBe(false);
    expect(isOwnPage('file:///opt/xinfang/resources/app.asar/build/renderer/index.html', APP_INDEX_URL)).toBe(false);
    expect(isOwnPage('https://desk/index.html', APP_INDEX_URL)).toBe(false);
    expect(isOwnPage('not a url', APP_INDEX_URL)).toBe(false);
  });
  it('keeps the store key only in a keystore that protects it: on Linux, not under basic_text', () => {
    expect(keystoreProtects('win32', true, () => 'unknown')).toBe(true);
    expect(keystoreProtects('darwin', true, () => 'unknown')).toBe(true);
    expect(keystoreProtects('linux', true, () => 'gnome_libsecret')).toBe(true);
    expect(keystoreProtects('linux', true, () => 'kwallet5')).toBe(true);
    expect(keystoreProtects('linux', true, () => 'basic_text')).toBe(false);
    expect(keystoreProtects('win32', false, () => 'unknown')).toBe(false);
  });

  it('serves pages only from inside the renderer build, each with the full CSP', () => {
    const root = '/opt/xinfang/build/renderer';
    expect(fileForAppUrl(APP_INDEX_URL, root)).toBe(`${root}/index.html`);
    expect(fileForAppUrl('app://desk/', root)).toBe(`${root}/index.html`);
    expect(fileForAppUrl('app://desk/assets/index-abc.js?x=1', root)).toBe(`${root}/assets/index-abc.js`);
    // Whatever the path says, the answer is a file under the root or nothing.
    for (const escape of ['app://desk/../../etc/passwd', 'app://desk/%2e%2e/%2e%2e/etc/passwd', 'app://desk/..%2F..%2Fetc%2Fpasswd', 'app://desk/a/..%2f..%2f..%2fetc%2fpasswd']) {
      const file = fileForAppUrl(escape, root);
      expect(file === null || file.startsWith(`${root}/`), `${escape} -> ${file}`).toBe(true);
    }
    for (const foreign of ['app://desk/a%00.js', 'app://other/index.html', 'file:///etc/passwd', 'app://desk/%E0%A4%A']) {
      expect(fileForAppUrl(foreign, root), foreign).toBeNull();
    }
    expect(appResponseHeaders(`${root}/index.html`)).toMatchObject({ 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff' });
  });
});
