// Key/value settings of this installation, stored as JSON.
import { eq } from 'drizzle-orm';
import type { LocalDb } from './open';
import { setting } from './schema';

export function getSetting(db: Pick<LocalDb, 'select'>, key: string): unknown {
  const row = db.select().from(setting).where(eq(setting.key, key)).get();
  return row ? (JSON.parse(row.value) as unknown) : undefined;
}

export function putSetting(db: Pick<LocalDb, 'insert'>, key: string, value: unknown): void {
  const json = JSON.stringify(value);
  db.insert(setting).values({ key, value: json }).onConflictDoUpdate({ target: setting.key, set: { value: json } }).run();
}
