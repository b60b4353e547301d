import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { relatedBox } from './pages/blog-box';
import { type E2eBrowser, launchE2eBuild } from './pages/e2e-build';

/**
 * Pages on 127.0.0.1, where Shelf's related-articles script runs (the e2e build grants the site,
 * as a user who turned "related articles on every site" on would have): what such a page can
 * learn about Shelf and do to it, from the page's own scripts. README, "Security".
 */
let browser: E2eBrowser;
test.beforeAll(async () => {
  browser = await launchE2eBuild();
});
test.afterAll(async () => {
  await browser?.close();
});

interface Observed {
  startedEvents: string[];
  messages: number;
  added: Array<{ tag: string; attributes: string[]; shadowRoot: boolean }>;
  changedAttributes: string[];
  newGlobals: string[];
  entries: string[];
  found: string[];
}

/** Everything a page's own scripts could notice of an extension, recorded from its first script on. */
async function watchFromThePage(page: Page, extensionId: string): Promise<void> {
  await page.addInitScript((id) => {
    const seen = {
      startedEvents: [] as string[],
      messages: 0,
      added: [] as Node[],
      changedAttributes: [] as string[],
      globals: Object.getOwnPropertyNames(window),
    };
    for (const name of ['blog-article', 'related-anywhere']) {
      const type = `${id}:${name}:wxt:content-script-started`;
      document.addEventListener(type, () => seen.startedEvents.push(type), true);
    }
    window.addEventListener('message', () => seen.messages++);
    // What changes in the DOM once the page itself is parsed (Shelf's scripts start after that).
    document.addEventListener('DOMContentLoaded', () => {
      new MutationObserver((records) => {
        for (const record of records) {
          if (record.type === 'attributes')
            seen.changedAttributes.push(`${record.target.nodeName} ${record.attributeName}`);
          seen.added.push(...record.addedNodes);
        }
      }).observe(document, { subtree: true, childList: true, attributes: true });
    });
    Object.defineProperty(window, '__seen', { value: seen });
  }, extensionId);
}

async function whatThePageSaw(page: Page): Promise<Observed> {
  return page.evaluate(() => {
    const seen = (window as unknown as { __seen: Record<string, unknown> & { added: Element[]; globals: string[] } })
      .__seen;
    const before = new Set(seen.globals);
    const find = (text: string) => (window as unknown as { find(text: string): boolean }).find(text);
    return {
      startedEvents: seen.startedEvents as string[],
      messages: seen.messages as number,
      added: seen.added.map((node) => ({
        tag: node.nodeName.toLowerCase(),
        attributes: node.getAttributeNames?.() ?? [],
        shadowRoot: Boolean(node.shadowRoot),
      })),
      changedAttributes: seen.changedAttributes as string[],
      newGlobals: Object.getOwnPropertyNames(window).filter((name) => !before.has(name) && name !== '__seen'),
      // The page's performance timeline: marks, measures, and anything loaded from an extension.
      entries: performance
        .getEntries()
        .filter((entry) => ['mark', 'measure'].includes(entry.entryType) || /extension|shelf/i.test(entry.name))
        .map((entry) => `${entry.entryType} ${entry.name}`),
      found: ['Related articles', 'Shelf', "Don't show on this site", 'Dismiss'].filter(find),
    };
  });
}

test('a page cannot learn Shelf is installed where no box shows', async () => {
  const page = await browser.context.newPage();
  await watchFromThePage(page, browser.extensionId);
  await page.goto(`${browser.origin}/related/lemon-cake.html`); // Shelf reads it and finds nothing related
  await page.waitForTimeout(1500);
  expect(await whatThePageSaw(page)).toEqual({
    startedEvents: [],
    messages: 0,
    added: [],
    changedAttributes: [],
    newGlobals: [],
    entries: [],
    found: [],
  });
});

test('a page cannot learn more than an opaque element where the box shows, nor read the box', async () => {
  const page = await browser.context.newPage();
  await watchFromThePage(page, browser.extensionId);
  await page.goto(`${browser.origin}/related/cache-stampede.html`);
  await expect.poll(() => relatedBox(page).isShown()).toBe(true);
  expect(await relatedBox(page).text()).toContain('Related articles'); // the user sees it
  expect(await whatThePageSaw(page)).toEqual({
    startedEvents: [],
    messages: 0,
    added: [{ tag: 'shelf-related', attributes: [], shadowRoot: false }],
    changedAttributes: [],
    newGlobals: [],
    entries: [],
    found: [],
  });
});

test('a page cannot stop Shelf: forged “newer script” events, clobbered names and its element defined first on another site', async () => {
  const fixture = readFileSync(resolve(import.meta.dirname, '../fixtures/pages/related/cache-stampede.html'), 'utf8');
  const url = await browser.servePage(
    '/hostile/stop-shelf.html',
    fixture.replace(
      '<body>',
      '<body><form id="browser"><input name="runtime" id="rt"></form><a id="chrome"></a><a id="chrome" name="runtime"></a>' +
        '<form id="__zod_globalConfig"><input name="postProcessor"></form><a id="__zod_globalRegistry"></a>',
    ),
  );
  const page = await browser.context.newPage();
  await page.addInitScript((id) => {
    const forge = () => {
      for (const name of ['related-anywhere', 'blog-article']) {
        document.dispatchEvent(
          new CustomEvent(`${id}:${name}:wxt:content-script-started`, {
            detail: { contentScriptName: name, messageId: 'forged' },
          }),
        );
      }
    };
    forge();
    setInterval(forge, 20); // before, while and after Shelf's script runs
    // Red team: the box's element defined by the page first, whose constructor's attachInternals()
    // handed it the closed root (it read the box and focused "Don't show on this site").
    const taken: ElementInternals[] = [];
    Object.defineProperty(window, '__taken', { value: taken });
    customElements.define(
      'shelf-related',
      class extends HTMLElement {
        constructor() {
          super();
          taken.push(this.attachInternals());
        }
      },
    );
  }, browser.extensionId);
  await page.goto(url);
  await expect.poll(() => relatedBox(page).isShown(), { timeout: 30_000 }).toBe(true);
  // The box is on an element under another name: the page's constructor ran only in a probe, never
  // shown, and no internals it was given reach a shadow root.
  expect(
    await page.evaluate(() => ({
      reached: (window as unknown as { __taken: ElementInternals[] }).__taken.some((given) => given.shadowRoot),
      shown: document.querySelector('shelf-related') !== null,
    })),
  ).toEqual({ reached: false, shown: false });
  await relatedBox(page).click('Dismiss related articles'); // alive: it answers the user
  await expect.poll(() => relatedBox(page).isShown()).toBe(false);
});
