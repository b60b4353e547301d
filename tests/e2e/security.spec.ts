import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { EXTENSION_DIR, expect, saveFromPopup, test } from './fixtures';
import { blogBox } from './pages/blog-box';
import { getSidePanelView } from './pages/e2e-build';
import { getArticleProgress, recordArticleProgress } from './pages/reading';

/**
 * What a web page can do to Shelf, tried from the page's side in a real Chromium with Shelf loaded.
 * Each test is named after the promise it proves (README, "Security"). The pages are the blog's own
 * (its scripts are the page here) and pages on 127.0.0.1, another origin.
 */
const ARTICLE_ID = 'cold-start-latency';
const ARTICLE_URL = 'https://webcoderspeed.com/blog/scaling/cold-start-latency';

test.describe('extension pages keep MV3’s default content security policy', () => {
  test('no CSP override, no remote or inline scripts in any page, nothing exposed to other sites', () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    // Absent means the browser's default: script-src 'self'; object-src 'self' — no eval, no remote code.
    expect(manifest.content_security_policy).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
    // Nothing of Shelf's can be fetched by a web page (that would tell it Shelf is installed).
    expect(manifest.web_accessible_resources ?? []).toEqual([]);
    const pages = readdirSync(EXTENSION_DIR).filter((name) => name.endsWith('.html'));
    expect(pages.sort()).toEqual(['offscreen.html', 'options.html', 'popup.html', 'sidepanel.html']);
    for (const page of pages) {
      const html = readFileSync(join(EXTENSION_DIR, page), 'utf8');
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
      expect(scripts.length).toBeGreaterThan(0);
      // The extension's own bundles only: module chunks, and the popup's first-paint classic script.
      for (const script of scripts) expect(script).toMatch(/src="\/(chunks\/[\w-]+|popup-first-paint)\.js"/);
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>\s*\S/); // no inline script bodies
      expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    }
  });
});

/** Saves the article and records a reading position of 42%, as reading it earlier would have. */
async function saveAtFortyTwoPercent(openPopup: () => Promise<Page>, openSidePanelPage: () => Promise<Page>) {
  const popup = await openPopup();
  await saveFromPopup(popup, 'cold start serverless', /Cold Start Latency/);
  await popup.close();
  const panel = await openSidePanelPage();
  await recordArticleProgress(panel, ARTICLE_ID, 0.42);
  return panel;
}

test('a page cannot read Shelf’s box', async ({ context, openPopup, openSidePanelPage }) => {
  await saveAtFortyTwoPercent(openPopup, openSidePanelPage);
  const page = await context.newPage();
  await page.goto(ARTICLE_URL);
  const box = blogBox(page);
  // The reader sees the box and its resume offer…
  await expect.poll(() => box.text()).toContain('Resume where you left off (42%)');
  expect(await box.text()).toContain('Cold Start Latency');

  // …and the page's own scripts find none of it, whichever way they look.
  const seen = await page.evaluate(() => {
    const host = document.querySelector('shelf-reading-now');
    const selection = getSelection();
    selection?.selectAllChildren(document.body);
    const selected = selection?.toString() ?? '';
    selection?.removeAllRanges();
    const find = (text: string) => (window as unknown as { find(text: string): boolean }).find(text);
    return {
      shadowRoot: host?.shadowRoot ?? null,
      hostText: host?.textContent ?? null,
      hostAttributes: host ? host.getAttributeNames() : null,
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what this checks.
      innerText: /Resume|You’re reading|Show card/.test(document.body.innerText),
      textContent: /Resume|You’re reading|Show card/.test(document.body.textContent ?? ''),
      selection: /Resume|You’re reading|Show card/.test(selected),
      find: ['Resume where you left off', '42%', 'Show card in Shelf', 'You’re reading'].filter(find),
      activeElementShadow: document.activeElement?.shadowRoot ?? null,
      // The page's performance timeline: marks, measures, and anything loaded from an extension.
      timeline: performance
        .getEntries()
        .filter((entry) => ['mark', 'measure'].includes(entry.entryType) || /extension|shelf/i.test(entry.name))
        .map((entry) => `${entry.entryType} ${entry.name}`),
    };
  });
  expect(seen).toEqual({
    shadowRoot: null,
    hostText: '',
    hostAttributes: [],
    innerText: false,
    textContent: false,
    selection: false,
    find: [],
    activeElementShadow: null,
    timeline: [],
  });
});

test('a page cannot drive Shelf’s box: no injected controls, no clicks without the user', async ({
  context,
  serviceWorker,
  openPopup,
  openSidePanelPage,
}) => {
  const panel = await saveAtFortyTwoPercent(openPopup, openSidePanelPage);
  const page = await context.newPage();
  await page.goto(ARTICLE_URL);
  const box = blogBox(page);
  await expect.poll(() => box.text()).toContain('Resume where you left off (42%)');
  const controlsBefore = await box.controlNames();
  const viewBefore = await getSidePanelView(serviceWorker);

  await page.evaluate(() => {
    const host = document.querySelector('shelf-reading-now') as HTMLElement;
    // Through the shadow root, where a page can reach it: a fake link, and every button clicked.
    const root = host.shadowRoot;
    const fake = Object.assign(document.createElement('a'), { href: 'https://evil.example/login' });
    fake.textContent = 'Shelf: sign in';
    root?.querySelector('aside')?.append(fake);
    for (const button of root?.querySelectorAll('button') ?? []) button.click();
    // From outside: synthetic clicks and keys at the host, and focus tricks.
    host.click();
    host.focus();
    for (const type of ['keydown', 'keyup']) {
      host.dispatchEvent(new KeyboardEvent(type, { key: 'Enter', bubbles: true, composed: true }));
    }
    host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
  });
  await page.waitForTimeout(700);

  expect(await box.controlNames()).toEqual(controlsBefore);
  expect(await box.text()).toContain('Resume where you left off (42%)'); // not clicked, not dismissed
  expect(await getSidePanelView(serviceWorker)).toEqual(viewBefore);
  expect(await getArticleProgress(panel, ARTICLE_URL)).toEqual({ saved: true, fraction: 0.42 });

  // The user's own click still works.
  await box.click('Show card in Shelf');
  await expect.poll(() => getSidePanelView(serviceWorker)).toMatchObject({ kind: 'article', articleId: ARTICLE_ID });
});

test('a page cannot stop Shelf: forged “a newer script started” events are ignored', async ({
  context,
  extensionId,
  serviceWorker,
}) => {
  const page = await context.newPage();
  // WXT's event names carry the extension's id, which is public for a store extension.
  const forge = (id: string) =>
    page.evaluate((extension) => {
      for (const name of ['blog-article', 'related-anywhere']) {
        for (const prefix of [`${extension}:${name}:`, '']) {
          document.dispatchEvent(
            new CustomEvent(`${prefix}wxt:content-script-started`, {
              detail: { contentScriptName: name, messageId: 'forged' },
            }),
          );
        }
      }
    }, id);
  await page.goto(ARTICLE_URL);
  const box = blogBox(page);
  await expect.poll(() => box.isShown()).toBe(true);
  await forge(extensionId);
  await page.waitForTimeout(500);
  expect(await box.isShown()).toBe(true);
  await box.click('Show card in Shelf'); // still alive: it answers the user
  await expect.poll(() => getSidePanelView(serviceWorker)).toMatchObject({ kind: 'article' });
});

/** Serves the blog article with extra markup from the page (e.g. elements that clobber globals). */
async function routeArticleWith(context: BrowserContext, fixtureOrigin: string, markup: string): Promise<void> {
  await context.route(ARTICLE_URL, async (route) => {
    const response = await route.fetch({ url: `${fixtureOrigin}/blog/cold-start-latency.html` });
    await route.fulfill({ response, body: (await response.text()).replace('<main>', `${markup}<main>`) });
  });
}

for (const [label, markup] of [
  ['a form named "browser"', '<form id="browser"><input name="runtime"></form>'],
  ['a form whose "runtime" has an id', '<form id="browser"><input name="runtime" id="rt"></form>'],
  ['two elements named "browser"', '<a id="browser"></a><a id="browser" name="runtime"></a>'],
  ['elements named "chrome"', '<form id="chrome"><input name="runtime" id="rt"></form>'],
  [
    'elements named as zod’s globals',
    '<form id="__zod_globalConfig"><input name="postProcessor"></form><a id="__zod_globalRegistry"></a>',
  ],
] as const) {
  test(`a page cannot stop Shelf: its elements do not replace the extension API (${label})`, async ({
    context,
    fixtureOrigin,
  }) => {
    await routeArticleWith(context, fixtureOrigin, markup);
    const page = await context.newPage();
    await page.goto(ARTICLE_URL);
    await expect.poll(() => blogBox(page).text()).toContain('Cold Start Latency');
  });
}

test('a page cannot move its reading position: another site opens the article, jumps in it, closes it', async ({
  context,
  fixtureOrigin,
  openPopup,
  openSidePanelPage,
}) => {
  const popup = await openPopup();
  await saveFromPopup(popup, 'cold start serverless', /Cold Start Latency/);
  const panel = await openSidePanelPage();
  const attacker = await context.newPage();
  await attacker.goto(`${fixtureOrigin}/blog/generic-article.html`); // a page on 127.0.0.1

  /** Opens the article from the attacker's page and waits until Shelf's box is up in it. */
  const openArticle = async () => {
    const [opened] = await Promise.all([
      context.waitForEvent('page'),
      attacker.evaluate((url) => {
        (window as unknown as { opened: Window | null }).opened = window.open(url);
      }, ARTICLE_URL),
    ]);
    await expect.poll(() => blogBox(opened).isShown()).toBe(true);
    return opened;
  };
  // Another origin may set the opened window's address (not read it) and close it.
  const inOpened = (action: 'jump' | 'close') =>
    attacker.evaluate(
      ({ code, url }) => {
        const opened = (window as unknown as { opened: Window }).opened;
        if (code === 'jump') opened.location.href = `${url}#provisioned-concurrency`;
        else opened.close();
      },
      { code: action, url: ARTICLE_URL },
    );

  // Never read: jumping to a heading at ~60% and closing records nothing, and the status stays unread.
  const opened = await openArticle();
  await inOpened('jump');
  await expect.poll(() => opened.evaluate(() => scrollY)).toBeGreaterThan(1000); // the jump happened
  await opened.waitForTimeout(1500); // progress is reported at most once a second
  await inOpened('close');
  await expect.poll(() => opened.isClosed()).toBe(true);
  expect(await getArticleProgress(panel, ARTICLE_URL)).toEqual({ saved: true, fraction: null });
  await panel.getByRole('button', { name: 'Reading list', exact: true }).click();
  const row = panel.getByRole('list', { name: 'Saved articles' }).getByRole('listitem').first();
  await expect(row).toContainText('unread');
  await expect(row).not.toContainText(/[1-9]\d*% read/);

  // Read to 42% before: opening and closing at once keeps 42% (nothing moved, nothing written).
  await recordArticleProgress(panel, ARTICLE_ID, 0.42);
  const again = await openArticle();
  await inOpened('close');
  await expect.poll(() => again.isClosed()).toBe(true);
  await attacker.waitForTimeout(300);
  expect(await getArticleProgress(panel, ARTICLE_URL)).toEqual({ saved: true, fraction: 0.42 });

  // Jumps timed with the user's own scrolling: a worker (not throttled in a background tab) sets the
  // address every 150 ms while the user turns the wheel in the article. A jump landing within their
  // scrolling looked like theirs (~64% recorded); now nothing is, and 42% stays.
  const reading = await openArticle();
  await attacker.evaluate((url) => {
    const opened = (window as unknown as { opened: Window }).opened;
    const clock = new Worker(URL.createObjectURL(new Blob(['setInterval(() => postMessage(0), 150)'])));
    clock.onmessage = () => {
      opened.location.href = `${url}#provisioned-concurrency`;
    };
  }, ARTICLE_URL);
  await expect.poll(() => reading.evaluate(() => scrollY)).toBeGreaterThan(1000);
  await reading.bringToFront();
  await reading.mouse.move(400, 300);
  for (let turn = 0; turn < 3; turn++) {
    await reading.mouse.wheel(0, 120);
    await reading.waitForTimeout(400);
  }
  await reading.waitForTimeout(1200); // past a report's interval
  await inOpened('close');
  await expect.poll(() => reading.isClosed()).toBe(true);
  await attacker.waitForTimeout(300);
  expect(await getArticleProgress(panel, ARTICLE_URL)).toEqual({ saved: true, fraction: 0.42 });
});
