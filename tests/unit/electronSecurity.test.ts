// Each security setting of the window (DESIGN.md §6), pinned without an Electron binary.
import { describe, expect, it } from 'vitest';
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
    const own = 'file:///opt/xinfang/resources/app.asar/build/renderer/index.html';
    expect(isOwnPage(`${own}#/intake`, own)).toBe(true);
    expect(isOwnPage('file:///tmp/evil.html', own)).toBe(false);
    expect(isOwnPage('https://example.com/build/renderer/index.html', own)).toBe(false);
    expect(isOwnPage('not a url', own)).toBe(false);
  });
});
