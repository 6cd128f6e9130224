// Column helpers shared by the local store's schema modules.
import { integer } from 'drizzle-orm/sqlite-core';

/** A flag stored as 0/1, false unless set. */
export const bool = (name: string) => integer(name, { mode: 'boolean' }).notNull().default(false);
