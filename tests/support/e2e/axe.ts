// axe-core over the page as the clerk sees it, held to WCAG 2.1 A and AA. Each violation is
// reported with its rule, its help text and the elements it names, so a failing test says what
// to fix without opening a report.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * The browser context a page judged by axe needs. The pages' CSP forbids injected scripts and axe
 * is injected, so the context bypasses it. Colours are judged as they settle: with the system's
 * "reduce motion" the desk and the console open every popup without a fade, so axe never measures
 * a list or dialog half transparent (reducedMotion.spec.ts).
 */
export const AXE_CONTEXT = { bypassCSP: true, reducedMotion: 'reduce' } as const;

export interface Violation {
  rule: string;
  help: string;
  elements: string[];
}

export async function accessibilityViolations(page: Page): Promise<Violation[]> {
  // Colours are judged once fades have ended (a table fading in after loading is half
  // transparent for 0.3 s); endless animations such as a spinner are no reason to wait.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.effect?.getTiming().iterations === Infinity));
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  return results.violations.map((v) => ({
    rule: v.id,
    help: v.help,
    elements: v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`),
  }));
}
