import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The axe rules that read colours: the only ones a colour scheme can change the answer of. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * Runs axe-core on a page (or a part of it) and fails on serious or critical violations, listing
 * each rule and the elements it found. axe looks into open shadow roots, so content-script boxes
 * are checked too.
 */
export async function expectNoSeriousA11yViolations(
  page: Page,
  include?: string,
  { onlyColours = false }: { onlyColours?: boolean } = {},
): Promise<void> {
  const builder = new AxeBuilder({ page });
  if (include) builder.include(include);
  // A colour scheme changes colours only: in a second scheme of the same view, only the rules that
  // read colours have anything new to find.
  if (onlyColours) builder.withRules(COLOUR_RULES);
  const { violations } = await builder.analyze();
  const serious = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => `${node.target.join(' ')} ${node.failureSummary?.split('\n').at(-1) ?? ''}`).join(', ')}`,
    );
  expect(serious, `axe on ${page.url()}`).toEqual([]);
}
