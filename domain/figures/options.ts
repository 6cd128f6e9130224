// The choices a bureau makes in its own figures (DOMAIN.md §6, "our reading; configurable"):
// how long after 办结 a matter is watched for 一次性化解, whether 基本满意 counts as satisfied,
// and whether 按期办结率 includes matters on the bureau's own target (建议意见, 检举控告) beside
// the statutory 60 days. The city sends them in its settings, so the window and the city count alike.
import { z } from 'zod';

export const figureOptionsSchema = z.strictObject({
  /** Days after 办结 within which a repeat visit, a 复查 request or a higher-level visit undoes 一次性化解. */
  resolutionWindowDays: z.number().int().min(1).max(365).default(90),
  /** 'satisfied': 满意 only (the default); 'satisfied-or-basic': 满意 and 基本满意. */
  satisfiedMeans: z.enum(['satisfied', 'satisfied-or-basic']).default('satisfied'),
  /** Whether 按期办结率 counts matters on the bureau's target as well as those under the statutory 60 days and 简易办理. */
  onTimeIncludesTargets: z.boolean().default(true),
});
export type FigureOptions = z.output<typeof figureOptionsSchema>;

export const DEFAULT_FIGURE_OPTIONS: FigureOptions = figureOptionsSchema.parse({});
