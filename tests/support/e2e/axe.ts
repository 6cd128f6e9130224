// axe-core over the page as the clerk sees it, held to WCAG 2.1 A and AA. Each violation is
// reported with its rule, its help text and the elements it names, so a failing test says what
// to fix without opening a report.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

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
