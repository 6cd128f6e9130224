// The one timestamp shape every event carries: ISO-8601 with a date part, and a real instant.
import { z } from 'zod';

export const isoTimestamp = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}T/.test(s) && !Number.isNaN(Date.parse(s)), { error: 'not a real ISO-8601 timestamp' });
