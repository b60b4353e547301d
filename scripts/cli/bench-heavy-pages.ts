import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from '@playwright/test';
import { chromiumArgs, findChromium } from '@/scripts/chromium';
import { formatTiming, summarize } from '@/scripts/eval/stats';
import { deepPage, textHeavyPage, wideEmptyPage } from '../../tests/fixtures/pages/heavy/heavy-pages';

/**
 * `npm run bench -- --only heavy-pages`: pages built to hurt (README, "Heavy pages"), in Chromium
 * with the e2e build (which grants 127.0.0.1, so the related-articles script runs there, as for a
 * user who turned it on everywhere) and, for comparison, without Shelf. For each page: the longest
 * main-thread task after DOMContentLoaded (what Shelf's script adds to what the page costs itself),
 * then "Save": time until the copy is saved or refused, and the longest task meanwhile.
 */
const RUNS = 3;
const SETTLE_MS = 3000;

type Line = (label: string, text: string) => void;

async function launch(extensionDir: string | null): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'shelf-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    args: chromiumArgs(extensionDir ?? '').filter((arg) => extensionDir || !arg.includes('extension')),
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Records every long task of the page from its first script on (`window.__longTasks`). */
async function recordLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const tasks: Array<{ start: number; duration: number }> = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
    Object.defineProperty(window, '__longTasks', { value: tasks });
  });
}

/** The longest task that started at or after `since` (page time, ms); 0 when none was long. */
function longestTaskSince(page: Page, since: number): Promise<number> {
  return page.evaluate(
    (from) =>
      Math.max(
        0,
        ...(window as unknown as { __longTasks: Array<{ start: number; duration: number }> }).__longTasks
          .filter((task) => task.start >= from)
          .map((task) => task.duration),
      ),
    since,
  );
}

async function saveView(worker: Worker): Promise<string | null> {
  return worker.evaluate(async () => {
    const stored = (await chrome.storage.session.get('sidePanelView')).sidePanelView as
      | { view?: { kind?: string } }
      | undefined;
    return stored?.view?.kind ?? null;
  });
}

/** Saves the tab at `url` through the "Save to Shelf" menu handler; ms until saved or refused. */
async function timeSave(worker: Worker, url: string): Promise<{ ms: number; outcome: string }> {
  await worker.evaluate(() => chrome.storage.session.remove('sidePanelView'));
  const started = Date.now();
  await worker.evaluate(async (pageUrl) => {
    const [tab] = await chrome.tabs.query({ url: pageUrl });
    const info = { menuItemId: 'save-to-shelf', editable: false, pageUrl };
    (chrome.contextMenus.onClicked as unknown as { dispatch(...args: unknown[]): void }).dispatch(info, tab);
  }, url);
  for (;;) {
    const kind = await saveView(worker);
    if (kind === 'reader' || kind === 'message') return { ms: Date.now() - started, outcome: kind };
    if (Date.now() - started > 180_000) return { ms: Number.NaN, outcome: 'no answer in 3 min' };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function benchHeavyPages(line: Line): Promise<void> {
  const extensionDir = resolve('.output/chrome-mv3-e2e');
  console.log(`\n== heavy pages: real Chromium, e2e build (script on 127.0.0.1) and without Shelf, ${RUNS} runs ==`);
  const pages: Array<[string, () => string]> = [
    ['100,000 levels deep', () => deepPage(100_000)],
    ['1,000,000 empty elements, no article', () => wideEmptyPage(1_000_000)],
    ['20 MB of text', () => textHeavyPage(20)],
  ];
  for (const [label, build] of pages) {
    const html = build();
    const url = `http://127.0.0.1:9/heavy/${label.replace(/\W+/g, '-')}.html`;
    for (const withShelf of [false, true]) {
      const { context, close } = await launch(withShelf ? extensionDir : null);
      try {
        await context.route(url, (route) => route.fulfill({ contentType: 'text/html', body: html }));
        const worker = withShelf
          ? (context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker')))
          : null;
        while (
          worker &&
          !(await worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length))
        ) {
          await new Promise((ready) => setTimeout(ready, 100)); // onInstalled registers the script
        }
        const afterLoad: number[] = [];
        const saves: number[] = [];
        const duringSave: number[] = [];
        const outcomes = new Set<string>();
        for (let run = 0; run < RUNS; run++) {
          const page = await context.newPage();
          await recordLongTasks(page);
          await page.goto(url, { timeout: 180_000 });
          await page.waitForTimeout(SETTLE_MS);
          const loaded = await page.evaluate(
            () =>
              (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
          );
          afterLoad.push(await longestTaskSince(page, loaded));
          if (worker) {
            const saveStart = await page.evaluate(() => performance.now());
            const save = await timeSave(worker, url);
            saves.push(save.ms);
            outcomes.add(save.outcome);
            duringSave.push(await longestTaskSince(page, saveStart));
          }
          await page.close();
        }
        const who = withShelf ? 'with Shelf' : 'without Shelf';
        line(`${label}, ${who}: longest task after DCL`, formatTiming(summarize(afterLoad)));
        if (withShelf) {
          line(`${label}: Save, until ${[...outcomes].join('/')}`, formatTiming(summarize(saves)));
          line(`${label}: Save, longest task`, formatTiming(summarize(duringSave)));
        }
      } finally {
        await close();
      }
    }
  }
}

/**
 * Main-thread script time of a page (DevTools' ScriptDuration), from a clock started before it
 * loads: Shelf leaves no marks on a page's timeline, so its cost is measured from outside.
 */
export async function startScriptClock(page: Page): Promise<() => Promise<number>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return (metrics.find((metric) => metric.name === 'ScriptDuration')?.value ?? 0) * 1000;
  };
}
