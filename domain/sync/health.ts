// The city's online check (DESIGN.md §5): GET /api/v1/health answers this without authentication.
import { z } from 'zod';

export const healthResponseSchema = z.object({ ok: z.literal(true) });
