import { expect, test } from './fixtures';
import { selectTextWithMouse } from './pages/annotations';

/**
 * Without "related articles on every site" (the production build, no host permission), Shelf adds
 * nothing to other sites: no script, no Highlight button, no marks (issue #16 on other sites is opt-in).
 */
const SENTENCE = 'A queue without a bound only moves the overload somewhere you cannot see it.';

test('without the every-site opt-in, a selection on another site gets no Highlight button and nothing is drawn', async ({
  context,
  serviceWorker,
  fixtureOrigin,
}) => {
  const url = `${fixtureOrigin}/posts/backpressure.html`;
  await context.route(url, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Backpressure</title></head>
<body><main><article><h1>Backpressure</h1><p>It is tempting to add a bigger buffer. ${SENTENCE}</p></article></main></body></html>`,
    }),
  );
  expect(await serviceWorker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length)).toBe(
    0,
  );
  const page = await context.newPage();
  await page.goto(url);
  await selectTextWithMouse(page, page.getByRole('paragraph'), SENTENCE);
  await page.waitForTimeout(800); // the time the every-site script would take to offer the button
  await expect(page.locator('shelf-highlight')).toHaveCount(0);
  await expect(page.locator('mark')).toHaveCount(0);
});
