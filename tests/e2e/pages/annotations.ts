import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Selects `text` inside `container` with the mouse, as a reader does: a press before its first
 * character and a drag to after its last.
 */
export async function selectTextWithMouse(page: Page, container: Locator, text: string): Promise<void> {
  // In the middle of the window, and still: a drag that ends at the window's edge scrolls the page
  // and runs the selection on, and the reader may still be moving text after the last highlight.
  await container.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  await expect
    .poll(() =>
      container.evaluate(async (element) => {
        const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
        const before = element.getBoundingClientRect().top;
        await frame();
        await frame();
        return element.getBoundingClientRect().top === before;
      }),
    )
    .toBe(true);
  const ends = await container.evaluate((element, wanted) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const at = node.data.indexOf(wanted);
      if (at === -1) continue;
      const rectOf = (offset: number) => {
        const range = document.createRange();
        range.setStart(node, offset);
        range.setEnd(node, offset + 1);
        const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
        return { left: rect.left, right: rect.right, y: rect.top + rect.height / 2 };
      };
      return { first: rectOf(at), last: rectOf(at + wanted.length - 1) };
    }
    return null;
  }, text);
  if (!ends) throw new Error(`"${text}" is not in one text node of the container`);
  await page.mouse.move(ends.first.left + 0.5, ends.first.y);
  await page.mouse.down();
  await page.mouse.move(ends.last.right - 0.5, ends.last.y, { steps: 8 });
  await page.mouse.up();
  await expect.poll(() => page.evaluate(() => getSelection()?.toString())).toBe(text);
}

/** What the reader shows of the user's own additions to an item. */
export function annotationsOf(page: Page) {
  const region = page.getByRole('complementary', { name: 'Your annotations on this page' });
  return {
    region,
    addTag: page.getByRole('combobox', { name: 'Add tag' }),
    note: region.getByRole('textbox', { name: 'Note', exact: true }),
    highlights: region.getByRole('list', { name: 'Highlights' }),
    marks: page.locator('.reader-body mark'),
    removeTag: (tag: string) => page.getByRole('button', { name: `Remove tag ${tag}` }),
    async addTagNamed(tag: string) {
      await this.addTag.fill(tag);
      await this.addTag.press('Enter');
      await expect(this.removeTag(tag)).toBeVisible();
    },
    /** The text of each drawn highlight (its marks joined). */
    markTexts: () =>
      page.evaluate(() => {
        const byId = new Map<string, string>();
        for (const mark of document.querySelectorAll<HTMLElement>('.reader-body mark[data-shelf-highlight]')) {
          const id = mark.dataset.shelfHighlight ?? '';
          byId.set(id, (byId.get(id) ?? '') + mark.textContent);
        }
        return [...byId.values()];
      }),
  };
}
