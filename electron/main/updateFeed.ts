// Where updates come from (issue #15): the city server, as electron-updater's generic provider,
// at a URL the bureau sets when it packages the app (package.json "xinfang.updateUrl", through
// -c.extraMetadata). Off when unset; only https, so an update cannot be swapped on the way.
export interface UpdateFeed {
  provider: 'generic';
  url: string;
}

export function updateFeed(packageJson: unknown): UpdateFeed | null {
  const url = (packageJson as { xinfang?: { updateUrl?: unknown } } | null)?.xinfang?.updateUrl;
  if (typeof url !== 'string') return null;
  try {
    return new URL(url).protocol === 'https:' ? { provider: 'generic', url } : null;
  } catch {
    return null;
  }
}
