import { expect, type Page } from '@playwright/test';

/** How far down its scrollable length a page is (0..1). */
export function scrolledFraction(page: Page): Promise<number> {
  return page.evaluate(() => scrollY / Math.max(1, document.documentElement.scrollHeight - innerHeight));
}

/**
 * Scrolls to `fraction` of the page with the mouse wheel: trusted input, the way a reader moves.
 * (Shelf records only positions reached by the user's own input, so `scrollTo` from a test would
 * be ignored like a page's own scripts are.)
 */
export async function scrollWithWheel(page: Page, fraction: number): Promise<void> {
  const viewport = page.viewportSize() ?? { width: 800, height: 600 };
  await page.mouse.move(viewport.width / 3, viewport.height / 2); // over the text, away from any box
  const delta = await page.evaluate(
    (target) => (document.documentElement.scrollHeight - innerHeight) * target - scrollY,
    fraction,
  );
  await page.mouse.wheel(0, delta);
  await expect.poll(() => scrolledFraction(page)).toBeCloseTo(fraction, 1);
}

/**
 * A blog article's saved state as the background knows it, asked from one of Shelf's own pages
 * (which may ask about any article): whether it is saved, and the recorded position.
 */
export async function getArticleProgress(
  extensionPage: Page,
  url: string,
): Promise<{ saved: boolean; fraction: number | null }> {
  const reply = await extensionPage.evaluate(
    (address) => chrome.runtime.sendMessage({ type: 'page-state', url: address }),
    url,
  );
  const value = (reply as { value: { saved: boolean; progress: { fraction: number } | null } }).value;
  return { saved: value.saved, fraction: value.progress?.fraction ?? null };
}

/** Records a reading position for a saved blog article, as reading it on its page would. */
export async function recordArticleProgress(extensionPage: Page, articleId: string, fraction: number): Promise<void> {
  const reply = await extensionPage.evaluate(
    ({ id, at }) =>
      chrome.runtime.sendMessage({
        type: 'record-progress',
        articleId: id,
        fraction: at,
        scrollFraction: at,
        scrollY: 0,
      }),
    { id: articleId, at: fraction },
  );
  expect(reply).toMatchObject({ ok: true, value: { recorded: true } });
}
