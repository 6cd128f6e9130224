// Retry timing of the sync client: exponential, full jitter, capped, Retry-After honoured.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BACKOFF_MAX_MS, backoffDelay, parseRetryAfter } from '../../backend/sync/backoff';

describe('backoffDelay', () => {
  it('stays within [0, min(5 min, 1 s × 2^attempt)) and never below Retry-After', () => {
    fc.assert(
      fc.property(fc.nat(40), fc.double({ min: 0, max: 0.999999, noNaN: true }), fc.option(fc.nat(600_000)), (attempt, r, retryAfter) => {
        const d = backoffDelay(attempt, () => r, retryAfter);
        const cap = Math.min(BACKOFF_MAX_MS, 1000 * 2 ** attempt);
        expect(d).toBeGreaterThanOrEqual(retryAfter ?? 0);
        if (retryAfter === null || retryAfter < cap) expect(d).toBeLessThan(cap);
      }),
    );
  });
  it('grows with the attempt at the top of the jitter', () => {
    expect([0, 1, 2, 3].map((a) => backoffDelay(a, () => 0.999))).toEqual([999, 1998, 3996, 7992]);
    expect(backoffDelay(30, () => 0.5)).toBe(BACKOFF_MAX_MS / 2);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, ignores junk', () => {
    const now = Date.parse('2026-03-01T00:00:00Z');
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter('Sun, 01 Mar 2026 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});
