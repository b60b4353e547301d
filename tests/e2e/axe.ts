import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * Runs axe-core on a page (or a part of it) and fails on serious or critical violations, listing
 * each rule and the elements it found. axe looks into open shadow roots, so content-script boxes
 * are checked too.
 */
export async function expectNoSeriousA11yViolations(page: Page, include?: string): Promise<void> {
  const builder = new AxeBuilder({ page });
  if (include) builder.include(include);
  const { violations } = await builder.analyze();
  const serious = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => `${node.target.join(' ')} ${node.failureSummary?.split('\n').at(-1) ?? ''}`).join(', ')}`,
    );
  expect(serious, `axe on ${page.url()}`).toEqual([]);
}
