// One reference value as the city keeps it for its devices (settings, holidays …): what the
// city's own replay of lifecycles and its figures read, so they follow what the windows pulled.
import { eq } from 'drizzle-orm';
import type { CityDb } from '../store/db';
import { referenceData } from '../store/schema';

export async function referenceValue(db: CityDb, key: 'settings' | 'holidays' | 'calendar'): Promise<unknown> {
  const [row] = await db.select({ value: referenceData.value }).from(referenceData).where(eq(referenceData.key, key));
  return row?.value;
}
