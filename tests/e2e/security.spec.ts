import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR, expect, saveFromPopup, test } from './fixtures';

const ARTICLE_URL = 'https://webcoderspeed.com/blog/scaling/cold-start-latency';

test.describe('extension pages keep MV3’s default content security policy', () => {
  test('no CSP override, no remote or inline scripts in any page, nothing exposed to other sites', () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    // Absent means the browser's default: script-src 'self'; object-src 'self' — no eval, no remote code.
    expect(manifest.content_security_policy).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
    for (const entry of manifest.web_accessible_resources ?? []) {
      expect(entry.resources.every((resource: string) => resource.endsWith('.css'))).toBe(true);
      expect(entry.matches.every((match: string) => /webcoderspeed\.com/.test(match))).toBe(true);
    }
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

test('a page cannot drive the content script or see it: no messages, no globals, forged events ignored', async ({
  context,
  openPopup,
}) => {
  const popup = await openPopup();
  await saveFromPopup(popup, 'cold start serverless', /Cold Start Latency/);

  const page = await context.newPage();
  // Recorded by the page itself from its first script on: what a hostile page could observe.
  await page.addInitScript(() => {
    const seen = { messages: [] as unknown[], globals: Object.getOwnPropertyNames(window) };
    window.addEventListener('message', (event) => seen.messages.push(event.data));
    Object.defineProperty(window, '__seen', { value: seen });
  });
  await page.goto(ARTICLE_URL);
  const box = page.getByRole('complementary', { name: 'Shelf' });
  await expect(box).toContainText('Cold Start Latency');

  const observed = await page.evaluate(() => {
    const seen = (window as unknown as { __seen: { messages: unknown[]; globals: string[] } }).__seen;
    const before = new Set(seen.globals);
    return {
      messages: seen.messages,
      newGlobals: Object.getOwnPropertyNames(window).filter((name) => !before.has(name) && name !== '__seen'),
      runtime: typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage,
    };
  });
  expect(observed).toEqual({ messages: [], newGlobals: [], runtime: 'undefined' });

  // Forged traffic: Shelf-shaped requests over postMessage, and WXT's "a newer script started" event.
  await page.evaluate(() => {
    const forged = {
      type: 'record-progress',
      articleId: 'cold-start-latency',
      fraction: 1,
      scrollFraction: 1,
      scrollY: 1e6,
    };
    window.postMessage(forged, '*');
    document.dispatchEvent(new CustomEvent('shelf:record-progress', { detail: forged }));
    document.dispatchEvent(
      new CustomEvent('wxt:content-script-started', {
        detail: { contentScriptName: 'blog-article', messageId: 'forged' },
      }),
    );
  });
  await page.waitForTimeout(500);
  await expect(box).toBeVisible(); // the forged "newer script" event did not shut the box down

  const panel = await context.newPage();
  await panel.goto(popup.url().replace('popup.html', 'sidepanel.html'));
  await panel.getByRole('button', { name: 'Reading list' }).click();
  const row = panel.getByRole('list', { name: 'Saved articles' }).getByRole('listitem').first();
  await expect(row).toContainText('Cold Start Latency');
  await expect(row).not.toContainText(/100%/);
  await expect(row).toContainText('unread');
});
