// Whether the OS keystore really protects a wrapped key. On Linux without a secret service
// (GNOME libsecret, KWallet), Electron's safeStorage falls back to 'basic_text': it still says
// encryption is available, but wraps with a password built into Chromium, so anyone who copies
// the key file can unwrap it. That counts as no keystore at all.
export type LinuxStorageBackend = 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';

export function keystoreProtects(platform: NodeJS.Platform, available: boolean, linuxBackend: () => LinuxStorageBackend): boolean {
  if (!available) return false;
  return platform !== 'linux' || linuxBackend() !== 'basic_text';
}
