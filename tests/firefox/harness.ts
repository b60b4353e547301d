import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type KeyInput, type Page } from 'puppeteer-core';
import { findFirefox } from './firefox-path';

/**
 * Shelf's built Firefox extension in a real Firefox (ESR on Debian), headless, driven over
 * WebDriver BiDi by puppeteer-core. Nothing is downloaded and no request leaves this machine:
 * pages of the blog are answered from the fixtures by request interception, other pages come from
 * a local fixture server, and everything else is refused by a proxy setting.
 */
const REPO = resolve(import.meta.dirname, '../..');
/** Production build (`wxt build -b firefox`) and the e2e build that grants http://127.0.0.1/* up front. */
export type FirefoxBuild = 'firefox-mv2' | 'firefox-mv2-e2e';

/** Fixed by the `extensions.webextensions.uuids` pref so the extension's origin survives a restart. */
const EXTENSION_UUID = '5e1f0c2a-8d4b-4c6e-9a7f-3b2d1e0f4a5c';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;
const HUB_PATH = '/test-hub.html';
/** The discard port: nothing listens on it here, so a connection to it is refused at once. */
const CLOSED_PORT = 9;

/**
 * An extension page's global object as seen by a page function (which runs in Firefox, not in
 * Node): `(globalThis as unknown as ExtensionGlobal).browser` is Firefox's WebExtension API.
 */
// biome-ignore lint/suspicious/noExplicitAny: Firefox's own API (browserAction, sidebarAction…) has no types here.
export type ExtensionGlobal = { browser: any } & Record<string, any>;

export interface ShelfFirefox {
  browser: Browser;
  /** A blank extension page of the test copy: runs WebExtension API calls and opens other pages. */
  hub: Page;
  /** Opens an extension page (e.g. `/popup.html`) in a new tab, loaded. */
  openExtensionPage(path: string, options?: { privateWindow?: boolean }): Promise<Page>;
  /** Closes Firefox and starts it again on the same profile with the same build. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** A copy of the build with the test hook (harness-background.js) and the blank hub page added. */
function prepareExtension(build: FirefoxBuild): { dir: string; addonId: string } {
  const source = join(REPO, '.output', build);
  if (!existsSync(join(source, 'manifest.json'))) {
    throw new Error(`${source} is missing: \`npm run test:firefox\` builds it before running the tests.`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'shelf-firefox-ext-'));
  cpSync(source, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.background.scripts.unshift('harness-background.js');
  writeFileSync(manifestPath, JSON.stringify(manifest));
  cpSync(join(import.meta.dirname, 'harness-background.js'), join(dir, 'harness-background.js'));
  writeFileSync(join(dir, HUB_PATH), '<!doctype html><meta charset="utf-8"><title>Shelf test hub</title>');
  return { dir, addonId: manifest.browser_specific_settings.gecko.id };
}

/** Polls `probe` until it returns something truthy; fails with what was awaited. */
export async function waitFor<T>(what: string, probe: () => Promise<T>, timeoutMs = 60_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      lastError = error; // e.g. the page is between two documents
    }
    if (Date.now() > deadline) {
      const cause = lastError ? ` (last error: ${(lastError as Error).message})` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${cause}`);
    }
    await new Promise((wake) => setTimeout(wake, 100));
  }
}

/** The address of the document in `page`; an extension page's only once it has loaded. */
async function locationOf(page: Page): Promise<string> {
  return page.evaluate(() =>
    location.protocol !== 'moz-extension:' || document.readyState === 'complete' ? location.href : '',
  );
}

/**
 * Presses a key that makes the page close itself (the popup closes once Enter has opened a result).
 * Firefox ESR 140.12 discards the page between the key's press and its release, and the release
 * then fails with "no such frame": that is the key's effect, which the caller checks next (the tab
 * it opened, the page gone). Any other error is thrown.
 */
export async function pressKeyThatCloses(page: Page, key: KeyInput): Promise<void> {
  await page.keyboard.press(key).catch((error: unknown) => {
    if (!/DiscardedBrowsingContextError|no such frame/.test(String(error))) throw error;
  });
}

/**
 * The tab showing `url`, loaded (or failed to load: an error page keeps the address asked for).
 * Puppeteer does not see an extension page's navigations through BiDi (no load event), so tabs are
 * found by asking each for its own address.
 */
export async function findTab(browser: Browser, url: string, exclude: ReadonlySet<Page> = new Set()): Promise<Page> {
  return waitFor(`a tab showing ${url}`, async () => {
    for (const page of await browser.pages()) {
      if (!exclude.has(page) && (await locationOf(page).catch(() => '')) === url) return page;
    }
    return undefined;
  });
}

export async function launchShelf(build: FirefoxBuild): Promise<ShelfFirefox> {
  const executablePath = findFirefox();
  if (!executablePath) throw new Error('No Firefox found (apt-get install -y firefox-esr, or set FIREFOX_PATH).');
  const extension = prepareExtension(build);
  const profileDir = mkdtempSync(join(tmpdir(), 'shelf-firefox-profile-'));
  // What "Run in Private Windows: Allow" in about:addons records for an add-on.
  writeFileSync(
    join(profileDir, 'extension-preferences.json'),
    JSON.stringify({ [extension.addonId]: { permissions: ['internal:privateBrowsingAllowed'], origins: [] } }),
  );

  async function start(): Promise<{ browser: Browser; hub: Page }> {
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: true,
      userDataDir: profileDir,
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [extension.addonId]: EXTENSION_UUID }),
        // Every address but this machine's goes to a proxy port where nothing listens: no test
        // request leaves the machine, and none waits on a lookup. (Loopback is never proxied.)
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': CLOSED_PORT,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': CLOSED_PORT,
      },
    });
    // Temporary installs end with the browser; the fixed UUID keeps the origin (and its IndexedDB).
    await browser.installExtension(extension.dir);
    return { browser, hub: await findTab(browser, `${EXTENSION_ORIGIN}${HUB_PATH}`) };
  }

  let current = await start();
  return {
    get browser() {
      return current.browser;
    },
    get hub() {
      return current.hub;
    },
    async openExtensionPage(path, { privateWindow = false } = {}) {
      const before = new Set(await current.browser.pages());
      await current.hub.evaluate(
        async (url, incognito) => {
          const api = (globalThis as unknown as ExtensionGlobal).browser;
          if (incognito) await api.windows.create({ url, incognito: true });
          else await api.tabs.create({ url });
        },
        path,
        privateWindow,
      );
      return findTab(current.browser, `${EXTENSION_ORIGIN}${path}`, before);
    },
    async restart() {
      await current.browser.close();
      current = await start();
    },
    async close() {
      await current.browser.close();
      rmSync(profileDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
      rmSync(extension.dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    },
  };
}

/** The ARIA selector for an element of `role` whose accessible name is exactly `name`. */
export function byRole(role: string, name?: string): string {
  return name === undefined ? `::-p-aria([role="${role}"])` : `::-p-aria([role="${role}"][name="${name}"])`;
}

/** Waits for an element (any selector puppeteer takes, e.g. `byRole(...)`) and returns it. */
export async function find(page: Page, selector: string, timeoutMs?: number) {
  return waitFor(`${selector} in ${page.url()}`, () => page.$(selector), timeoutMs);
}

/**
 * Waits until the text of an element matching `selector` matches `expected` (any of them: a page has
 * several status lines, some empty until they have something to say); returns that text.
 */
export async function waitForText(page: Page, selector: string, expected: RegExp, timeoutMs?: number): Promise<string> {
  let seen = '(no such element)';
  try {
    return await waitFor(
      `text ${expected} in ${selector}`,
      async () => {
        const handles = await page.$$(selector);
        if (handles.length === 0) return undefined;
        const texts = await Promise.all(
          handles.map((handle) => handle.evaluate((element) => element.textContent ?? '')),
        );
        seen = texts.join(' | ');
        return texts.find((text) => expected.test(text));
      },
      timeoutMs,
    );
  } catch (error) {
    throw new Error(`${(error as Error).message}; last text seen: ${JSON.stringify(seen.slice(0, 500))}`);
  }
}

/** The whole visible text of a page. */
export function pageText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.textContent);
}

type Scope = Page | ElementHandle<Element>;

/** The label or text of an element, close enough to its accessible name for these tests. */
function nameOf(handle: ElementHandle<Element>): Promise<string> {
  return handle.evaluate((element) => element.getAttribute('aria-label') ?? element.textContent ?? '');
}

/** Waits for the first element of `role` (inside `scope`) whose name matches `name`. */
export async function findByName(scope: Scope, role: string, name: RegExp, timeoutMs?: number) {
  let seen: string[] = [];
  try {
    return await waitFor(
      `a ${role} named ${name}`,
      async () => {
        const handles = await scope.$$(byRole(role));
        seen = await Promise.all(handles.map(nameOf));
        return handles[seen.findIndex((text) => name.test(text))];
      },
      timeoutMs,
    );
  } catch (error) {
    throw new Error(`${(error as Error).message}; ${role}s seen: ${JSON.stringify(seen.slice(0, 12))}`);
  }
}

/** The names of every element of `role` inside `scope`, in document order. */
export async function namesOf(scope: Scope, role: string): Promise<string[]> {
  return Promise.all((await scope.$$(byRole(role))).map(nameOf));
}

const PAGES_DIR = join(REPO, 'tests/fixtures/pages');

/** A blog page's fixture: `blog/<slug>.html`, else `related/<slug>.html` (pages the catalog does not list). */
function blogFixture(pathname: string): string {
  const slug = pathname.split('/').filter(Boolean).at(-1) ?? 'index';
  const file = [`blog/${slug}.html`, `related/${slug}.html`, 'blog/generic-article.html']
    .map((name) => join(PAGES_DIR, name))
    .find((path) => existsSync(path)) as string;
  return readFileSync(file, 'utf8');
}

/**
 * Opens a page of the blog (https://webcoderspeed.com/blog/…) in a new tab, answered from the
 * fixtures by request interception, so Firefox runs Shelf's content script on the real address
 * without a certificate or a network. Anything else the page asks for gets a 404.
 */
export async function openBlogPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const { hostname, pathname } = new URL(request.url());
    const isBlogPage = /^(www\.)?webcoderspeed\.com$/.test(hostname) && pathname.startsWith('/blog/');
    void request.respond(
      isBlogPage
        ? { status: 200, contentType: 'text/html; charset=utf-8', body: blogFixture(pathname) }
        : { status: 404, contentType: 'text/plain', body: 'not found' },
    );
  });
  await page.goto(url);
  return page;
}

/**
 * Puts a button on the hub page whose click runs `action` in the page, and clicks it: Firefox
 * opens or closes a sidebar only in response to user input, as a menu click or a key press is.
 */
async function clickInHub<Args extends unknown[]>(
  firefox: ShelfFirefox,
  label: string,
  action: (...args: Args) => void,
  ...args: Args
): Promise<void> {
  // A page function cannot close over Node values: `action` goes over as its source text.
  await firefox.hub.evaluate(`globalThis.shelfTestAction = ${action.toString()}`);
  await firefox.hub.evaluate(
    (text, ...values) => {
      const page = globalThis as unknown as ExtensionGlobal;
      const button = page.document.createElement('button');
      button.textContent = text;
      button.addEventListener('click', () => page.shelfTestAction(...values));
      page.document.body.replaceChildren(button);
    },
    label,
    ...args,
  );
  await (await find(firefox.hub, byRole('button', label))).click();
}

/**
 * Calls the context-menu listener Shelf registered with what a click on its menu item passes:
 * `info`, and the tab showing `tabUrl` (else the active tab), from a user gesture.
 */
export async function clickContextMenu(firefox: ShelfFirefox, info: Record<string, unknown>, tabUrl?: string) {
  const tab = await firefox.hub.evaluate(async (url) => {
    const { browser } = globalThis as unknown as ExtensionGlobal;
    const tabs: Array<{ url?: string; active: boolean }> = await browser.tabs.query({ currentWindow: true });
    return tabs.find((candidate) => (url ? candidate.url === url : candidate.active)) ?? null;
  }, tabUrl);
  if (tabUrl && !tab) throw new Error(`no tab shows ${tabUrl}`);
  const background = await firefox.hub.evaluateHandle(() =>
    (globalThis as unknown as ExtensionGlobal).browser.runtime.getBackgroundPage(),
  );
  await firefox.hub.evaluate((page) => {
    (globalThis as unknown as ExtensionGlobal).shelfTestBackground = page;
  }, background);
  await clickInHub(
    firefox,
    'Use the context menu',
    (menuInfo, menuTab) => {
      const { shelfTestBackground } = globalThis as unknown as ExtensionGlobal;
      for (const listener of shelfTestBackground.shelfTestMenuListeners) listener(menuInfo, menuTab);
    },
    info,
    tab,
  );
}

export function isSidebarOpen(firefox: ShelfFirefox): Promise<boolean> {
  return firefox.hub.evaluate(() => (globalThis as unknown as ExtensionGlobal).browser.sidebarAction.isOpen({}));
}

export async function closeSidebar(firefox: ShelfFirefox): Promise<void> {
  await clickInHub(firefox, 'Close the sidebar', () => {
    void (globalThis as unknown as ExtensionGlobal).browser.sidebarAction.close();
  });
  await waitFor('the sidebar to close', async () => !(await isSidebarOpen(firefox)));
}

/** The text of Shelf's sidebar as Firefox shows it (the sidebar's own document, not a tab). */
export function sidebarText(firefox: ShelfFirefox): Promise<string> {
  return firefox.hub.evaluate(() => {
    const { browser } = globalThis as unknown as ExtensionGlobal;
    const views: Window[] = browser.extension.getViews({ type: 'sidebar' });
    return views.map((view) => view.document.body.textContent).join('\n');
  });
}
