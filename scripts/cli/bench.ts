/**
 * `npm run bench`: what Shelf's speed claims rest on. Prints medians and p95s over repeats so the
 * machine's noise is visible. Sections: search (Node, with MiniSearch and plain Fuse.js measured in
 * the same run), library, related, capture and highlights (Node); popup and the rest in real Chromium
 * with the built extension, which it builds first. `--only` picks sections (scripts/cli/bench-options.ts).
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Worker } from '@playwright/test';
import { strToU8, zipSync } from 'fflate';
import Fuse from 'fuse.js';
import { JSDOM, VirtualConsole } from 'jsdom';
import { parseHTML } from 'linkedom';
import MiniSearch from 'minisearch';
import relatedModelJson from '@/assets/data/related-model.json';
import indexJson from '@/assets/data/search-index.json';
import { capturePage } from '@/lib/capture/capture-page';
import type { Article } from '@/lib/corpus/article';
import { ARTICLES } from '@/lib/corpus/catalog';
import { createRelatedEngine } from '@/lib/related/engine';
import { rebuildRelatedModel, type SerializedRelatedModel } from '@/lib/related/model';
import { extractPageText } from '@/lib/related/page-text';
import { buildSearchIndex, type SerializedSearchIndex, toSearchDocument } from '@/lib/search/build-index';
import { getEngineOptions } from '@/lib/search/bundled';
import { createSearchEngine } from '@/lib/search/engine';
import { chromiumArgs, findChromium } from '@/scripts/chromium';
import type { EvalQuery } from '@/scripts/eval/metrics';
import { REAL_PAGES_DIR, realPageNames } from '@/scripts/eval/shared-data';
import { aboveFloor, formatTiming, summarize, timeEach } from '@/scripts/eval/stats';
import { createRandom, createSyntheticCorpus } from '@/scripts/eval/synthetic-corpus';
import { readShelfStore, snapshotDocumentCount } from '@/scripts/shelf-idb';
import { startFixtureServer } from '../../tests/e2e/fixture-server';
import { benchHeavyPages, startScriptClock } from './bench-heavy-pages';
import { benchHighlights } from './bench-highlights';
import { benchLibrary, libraryCorpusWords, syntheticPage as syntheticSavedPage } from './bench-library';
import { type BenchOptions, BenchUsageError, readBenchOptions } from './bench-options';

let options: BenchOptions;
try {
  options = readBenchOptions(process.argv.slice(2), ARTICLES.length);
} catch (error) {
  if (!(error instanceof BenchUsageError)) throw error;
  console.error(`npm run bench: ${error.message}`);
  process.exit(2);
}
const { sections } = options;
if (options.needsBuild) {
  // A browser that is not there is said at once, not after two builds (newcomer pass).
  try {
    findChromium();
  } catch (error) {
    console.error(`npm run bench: ${(error as Error).message}`);
    process.exit(2);
  }
  // The browser sections load the production build and the e2e one (127.0.0.1 granted up front).
  console.log('Building the extension for the browser sections (wxt build, wxt build --mode e2e)…');
  execSync('npx wxt build && npx wxt build --mode e2e', { stdio: 'inherit' });
}
const queries = (
  JSON.parse(readFileSync(resolve('tests/fixtures/search-queries.json'), 'utf8')) as { queries: EvalQuery[] }
).queries.map((q) => q.query);

const line = (label: string, text: string) => console.log(`  ${label.padEnd(34)} ${text}`);

function benchSearch() {
  console.log(`\n== search: ${queries.length} queries of tests/fixtures/search-queries.json, per query ==`);
  for (const size of options.searchSizes) {
    const articles = size === ARTICLES.length ? [...ARTICLES] : createSyntheticCorpus(ARTICLES, size);
    console.log(
      `\n-- ${size.toLocaleString('en')} articles${size === ARTICLES.length ? ' (bundled)' : ' (synthetic)'} --`,
    );

    let serialized: string;
    if (size === ARTICLES.length) {
      serialized = JSON.stringify(indexJson);
    } else {
      const started = performance.now();
      serialized = JSON.stringify(buildSearchIndex(articles.map(toSearchDocument)));
      line('index build (at build time)', `${(performance.now() - started).toFixed(0)} ms`);
    }
    line('index size (JSON)', `${(serialized.length / 1024).toFixed(0)} KiB`);
    // As the extension builds it: everyday words and what words are worth in everyday speech.
    const options = getEngineOptions();
    const loads = timeEach([0, 1, 2, 3, 4], 1, () =>
      createSearchEngine(JSON.parse(serialized) as SerializedSearchIndex, articles, options),
    );
    line('index load (parse + engine)', formatTiming(summarize(loads)));

    const engine = createSearchEngine(JSON.parse(serialized) as SerializedSearchIndex, articles, options);
    const repeats = size >= 100_000 ? 2 : 5;
    timeEach(queries, 1, (q) => engine.search(q)); // warm-up: JIT, lazily built Fuse and synonyms
    line(
      'Shelf (inverted index + Fuse terms)',
      formatTiming(summarize(timeEach(queries, repeats, (q) => engine.search(q)))),
    );

    const mini = new MiniSearch<{ id: string; title: string; summary: string; tags: string }>({
      fields: ['title', 'summary', 'tags'],
      searchOptions: { boost: { title: 2, tags: 1.5 }, fuzzy: 0.2, prefix: true },
    });
    mini.addAll(articles.map((a) => ({ id: a.id, title: a.title, summary: a.summary, tags: a.tags.join(' ') })));
    // MiniSearch's fuzzy matching takes seconds per query at 100,000 articles: sample there.
    const miniQueries = size >= 100_000 ? queries.slice(0, 40) : queries;
    timeEach(miniQueries, 1, (q) => mini.search(q));
    line(
      `MiniSearch (fuzzy 0.2, prefix; ${miniQueries.length} q)`,
      formatTiming(summarize(timeEach(miniQueries, repeats, (q) => mini.search(q)))),
    );

    // Plain Fuse.js over whole records grows ~linearly; sample fewer queries at large sizes.
    const fuse = new Fuse<Article>(articles, { keys: ['title', 'summary', 'tags'] });
    const fuseQueries = size <= 2_000 ? queries : queries.slice(0, size <= 20_000 ? 20 : 5);
    line(
      `Fuse.js over records (${fuseQueries.length} q)`,
      formatTiming(summarize(timeEach(fuseQueries, size <= 2_000 ? 3 : 1, (q) => fuse.search(q, { limit: 20 })))),
    );
  }
}

/** Launches headless Chromium with a built extension, runs `run`, and always cleans up. */
async function withExtension(
  extensionDir: string,
  run: (context: BrowserContext, worker: Worker, extensionId: string) => Promise<void>,
): Promise<void> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'shelf-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    args: chromiumArgs(extensionDir),
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await run(context, worker, new URL(worker.url()).host);
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

/** In every page of the context: `window[key]` = when `selector` first matched and a frame was painted after it. */
async function recordWhenPainted(context: BrowserContext, selector: string, key: string): Promise<void> {
  await context.addInitScript(
    ([sel, name]) => {
      const observer = new MutationObserver(() => {
        if (!document.querySelector(sel)) return;
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => Object.assign(window, { [name]: performance.now() }), 0));
      });
      observer.observe(document, { childList: true, subtree: true });
    },
    [selector, key] as const,
  );
}

async function benchPopup() {
  const extensionDir = resolve('.output/chrome-mv3');
  console.log('\n== popup: navigation start → restored results painted, real Chromium ==');
  await withExtension(extensionDir, async (context, _worker, extensionId) => {
    const popupUrl = `chrome-extension://${extensionId}/popup.html`;
    // Results on screen: the first-paint picture's or, without one, the app's.
    await recordWhenPainted(context, '[role="option"]', '__shelfResultsPainted');
    // The live popup (React) has mounted: its listbox's options, which keyboard and mouse act on.
    await recordWhenPainted(context, '#root [role="option"]', '__shelfAppPainted');
    // The query is restored the way a user leaves it: typed in the popup, which is then closed.
    const first = await context.newPage();
    await first.goto(popupUrl);
    await first.getByRole('combobox', { name: 'Search articles' }).fill('thundering herd');
    await first.getByRole('listbox', { name: 'Search results' }).getByRole('option').first().waitFor();
    await first.close();
    // The floor on this machine, in the same browser: a static extension page with one option.
    writeFileSync(join(extensionDir, 'bench-floor.html'), FLOOR_PAGE);
    const results: number[] = [];
    const app: number[] = [];
    const floor: number[] = [];
    try {
      // Interleaved, so that both pages see the same machine noise.
      for (let run = 0; run < 31; run++) {
        const popup = await context.newPage();
        await popup.goto(popupUrl);
        const [painted, mounted] = await Promise.all(
          ['__shelfResultsPainted', '__shelfAppPainted'].map(async (key) => {
            const handle = await popup.waitForFunction(
              (name) => (window as unknown as Record<string, number | undefined>)[name],
              key,
            );
            return (await handle.jsonValue()) as number;
          }),
        );
        await popup.close();
        const floorTime = await floorPaintTime(context, extensionId);
        if (run === 0) continue; // the first run warms caches
        results.push(painted as number);
        app.push(mounted as number);
        floor.push(floorTime);
      }
    } finally {
      rmSync(join(extensionDir, 'bench-floor.html'), { force: true });
    }
    line('restored results painted', formatTiming(summarize(results)));
    line('live popup painted (React mounted)', formatTiming(summarize(app)));
    line('floor: static extension page', formatTiming(summarize(floor)));
    line('restored results above the floor (run by run)', formatTiming(summarize(aboveFloor(results, floor))));
  });
}

/**
 * The popup with 2,000 saved pages (synthetic, ~2,000 words each): navigation → restored results
 * painted, and → the library searchable, without the background's stored analyses (the popup
 * analyzes every page itself, as before they were stored) and with them.
 */
async function benchPopupLibrary() {
  const extensionDir = resolve('.output/chrome-mv3');
  const count = 2_000;
  console.log(`\n== popup with ${count.toLocaleString('en')} saved pages of ~2,000 words, real Chromium ==`);
  if (!existsSync(REAL_PAGES_DIR)) {
    console.log(`  skipped: ${REAL_PAGES_DIR} is absent`);
    return;
  }
  const corpus = libraryCorpusWords();
  await withExtension(extensionDir, async (context, _worker, extensionId) => {
    const popupUrl = `chrome-extension://${extensionId}/popup.html`;
    await recordWhenPainted(context, '[role="option"]', '__shelfResultsPainted');
    const seed = await context.newPage();
    await seed.goto(popupUrl);
    await seed.getByRole('combobox', { name: 'Search articles' }).fill('thundering herd');
    await seed.getByRole('listbox', { name: 'Search results' }).getByRole('option').first().waitFor();
    const random = createRandom(count);
    // Straight into IndexedDB (the schema Dexie created), so that no change signal reaches the background yet.
    for (let start = 0; start < count; start += 100) {
      const pages = Array.from({ length: Math.min(100, count - start) }, (_, at) =>
        syntheticSavedPage(corpus, start + at, 2_000, random),
      ).map(({ id, url, title, text }) => ({ id, url, title, text }));
      await seed.evaluate(async (batch) => {
        const db = await new Promise<IDBDatabase>((ok, fail) => {
          const request = indexedDB.open('shelf');
          request.onsuccess = () => ok(request.result);
          request.onerror = () => fail(request.error);
        });
        const tx = db.transaction(['items', 'captures'], 'readwrite');
        for (const { id, url, title, text } of batch) {
          const changedAt = { status: 1, title: 1, tags: 1, note: 1 };
          tx.objectStore('items').put({
            id,
            kind: 'page',
            articleId: null,
            url,
            title,
            status: 'unread',
            tags: [],
            note: '',
            addedAt: 1,
            updatedAt: 1,
            changedAt,
          });
          tx.objectStore('captures').put({
            itemId: id,
            url,
            title,
            byline: null,
            siteName: null,
            excerpt: null,
            lang: 'en',
            dir: null,
            wordCount: 2000,
            readMinutes: 9,
            html: '',
            text,
            notice: null,
            capturedAt: 1,
            updatedAt: 1,
          });
        }
        await new Promise((ok) => {
          tx.oncomplete = ok;
        });
        db.close();
      }, pages);
    }
    const storedCount = async () => (await seed.evaluate(readShelfStore, { store: 'libraryPostings' })) as number;
    const open = async () => {
      const popup = await context.newPage();
      await popup.goto(popupUrl);
      const painted = await popup.waitForFunction(
        () => (window as { __shelfResultsPainted?: number }).__shelfResultsPainted,
      );
      const ready = await popup.waitForFunction(
        () => performance.getEntriesByName('shelf:library-ready')[0]?.startTime,
        null,
        { timeout: 600_000 },
      );
      const times = { painted: (await painted.jsonValue()) as number, ready: (await ready.jsonValue()) as number };
      await popup.close();
      return { ...times, floor: await floorPaintTime(context, extensionId) };
    };
    const report = async (label: string, runs: number) => {
      const painted: number[] = [];
      const ready: number[] = [];
      const floor: number[] = [];
      for (let run = 0; run < runs; run++) {
        const times = await open();
        painted.push(times.painted);
        ready.push(times.ready);
        floor.push(times.floor);
      }
      line(`${label}: results painted`, formatTiming(summarize(painted)));
      line(`${label}: floor (static extension page)`, formatTiming(summarize(floor)));
      line(`${label}: results above the floor (run by run)`, formatTiming(summarize(aboveFloor(painted, floor))));
      line(`${label}: library searchable`, formatTiming(summarize(ready)));
    };
    const storedDocuments = async () =>
      snapshotDocumentCount(await seed.evaluate(readShelfStore, { store: 'librarySnapshot', key: 'library' }));
    writeFileSync(join(extensionDir, 'bench-floor.html'), FLOOR_PAGE);
    line('stored analyses before', String(await storedCount()));
    await report('not stored (as before)', 3);
    const started = performance.now();
    await seed.evaluate(() => chrome.runtime.sendMessage({ type: 'data-changed' }));
    while ((await storedCount()) < count) await new Promise((ok) => setTimeout(ok, 500));
    line(
      'background analyzes 2,000 pages',
      `${((performance.now() - started) / 1000).toFixed(1)} s (once; then per change)`,
    );
    while ((await storedDocuments()) < count) await new Promise((ok) => setTimeout(ok, 2_000));
    line(
      '… and stores the index whole',
      `${((performance.now() - started) / 1000).toFixed(1)} s after the start (once; then per change)`,
    );
    await open(); // warms caches
    await report('stored by the background', 10);

    // Query time in the popup itself: each search of the library index it restored, as typed.
    const popup = await context.newPage();
    await popup.goto(popupUrl);
    await popup.waitForFunction(() => performance.getEntriesByName('shelf:library-ready').length > 0, null, {
      timeout: 600_000,
    });
    const box = popup.getByRole('combobox', { name: 'Search articles' });
    const took: number[] = [];
    for (const query of [...queries, ...queries.slice(0, 100)]) {
      await popup.evaluate(() => performance.clearMeasures('shelf:library-query'));
      await box.fill(query);
      const duration = await popup.waitForFunction(
        () => performance.getEntriesByName('shelf:library-query')[0]?.duration,
      );
      took.push((await duration.jsonValue()) as number);
    }
    line(
      `query in the popup (${queries.length} queries + 100 again, as typed)`,
      formatTiming(summarize(took.slice(100))),
    );
    await popup.close();
    await seed.close();
    rmSync(join(extensionDir, 'bench-floor.html'), { force: true });
  });
}

const FLOOR_PAGE =
  '<!doctype html><html lang="en"><meta charset="utf-8"><title>floor</title><ul role="listbox"><li role="option">x</li></ul></html>';

/**
 * The floor on this machine, in the same browser and moment: navigation → first paint of
 * FLOOR_PAGE, a static extension page with one option (written as bench-floor.html beforehand).
 */
async function floorPaintTime(context: BrowserContext, extensionId: string): Promise<number> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/bench-floor.html`);
  const painted = await page.waitForFunction(
    () => (window as { __shelfResultsPainted?: number }).__shelfResultsPainted,
  );
  const time = (await painted.jsonValue()) as number;
  await page.close();
  return time;
}

async function benchReadingList() {
  const extensionDir = resolve('.output/chrome-mv3');
  const count = 10_000;
  console.log(`\n== reading list: ${count.toLocaleString('en')} saved items, side panel page, real Chromium ==`);
  await withExtension(extensionDir, async (context, worker, extensionId) => {
    const panelUrl = `chrome-extension://${extensionId}/sidepanel.html`;
    const seed = await context.newPage();
    await seed.goto(panelUrl);
    await seed.getByRole('button', { name: 'Reading list' }).click();
    await seed.getByText('Nothing saved yet').waitFor();
    // Seed through IndexedDB directly (the schema Dexie created): 10,000 items, half with progress.
    await seed.evaluate(async (n) => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const request = indexedDB.open('shelf');
        request.onsuccess = () => ok(request.result);
        request.onerror = () => fail(request.error);
      });
      const tx = db.transaction(['items', 'progress'], 'readwrite');
      const statuses = ['unread', 'reading', 'done', 'archived'];
      for (let i = 0; i < n; i++) {
        const id = `page:bench-${i}`;
        tx.objectStore('items').put({
          id,
          kind: 'page',
          articleId: null,
          url: `https://example.org/${i}`,
          title: `Saved page number ${i} about topic ${i % 37}`,
          status: statuses[i % 4],
          tags: [`tag-${i % 20}`],
          note: '',
          addedAt: i,
          updatedAt: n - i,
        });
        if (i % 2)
          tx.objectStore('progress').put({
            itemId: id,
            fraction: (i % 100) / 100,
            anchor: { scrollFraction: 0, scrollY: 0 },
            updatedAt: i,
          });
      }
      await new Promise((ok) => {
        tx.oncomplete = ok;
      });
      db.close();
    }, count);
    await seed.close();

    // Records when the list's first row is in the DOM and a frame has been painted after it.
    await recordWhenPainted(context, '[aria-label="Saved articles"] li', '__shelfListPainted');
    const firstRender: number[] = [];
    const fromOpen: number[] = [];
    const filterChange: number[] = [];
    for (let run = 0; run < 11; run++) {
      await worker.evaluate(() =>
        chrome.storage.session.set({ sidePanelView: { view: { kind: 'reading-list' }, at: Date.now() } }),
      );
      const page = await context.newPage();
      await page.goto(panelUrl);
      const painted = (await (
        await page.waitForFunction(() => (window as { __shelfListPainted?: number }).__shelfListPainted)
      ).jsonValue()) as number;
      const opened = await page.evaluate(() => {
        const mark = performance.getEntriesByName('shelf:reading-list-mounted')[0];
        return mark ? mark.startTime : Number.NaN;
      });
      // Filters work on the whole list: wait until it has loaded (the count replaces "…").
      await page.getByRole('heading', { name: `Reading list (${count})` }).waitFor();
      // The "Done" view (a toggle button of the "Show" group) filters the whole list by status.
      const doneView = page.getByRole('group', { name: 'Show' }).getByRole('button', { name: /^Done/ });
      await doneView.waitFor();
      const filtered = await doneView.evaluate(
        (button) =>
          new Promise<number>((done, fail) => {
            const list = document.querySelector('[aria-label="Saved articles"]');
            if (!list) return fail(new Error('the reading list has no "Saved articles" list'));
            const started = performance.now();
            const noChange = setTimeout(() => fail(new Error('the list did not change within 30 s of "Done"')), 30_000);
            new MutationObserver((_, observer) => {
              observer.disconnect();
              clearTimeout(noChange);
              requestAnimationFrame(() => setTimeout(() => done(performance.now() - started), 0));
            }).observe(list, { childList: true, subtree: true, characterData: true });
            (button as HTMLButtonElement).click();
          }),
      );
      if (run > 0) {
        firstRender.push(painted);
        fromOpen.push(painted - opened);
        filterChange.push(filtered);
      }
      await page.close();
    }
    line('navigation → first rows painted', formatTiming(summarize(firstRender)));
    line('list mounted → first rows painted', formatTiming(summarize(fromOpen)));
    line('status filter change → painted', formatTiming(summarize(filterChange)));
  });
}

/** A 5,000-word technical page: the bundled summaries, shuffled deterministically, as HTML. */
function syntheticPage(words: number): string {
  const random = createRandom(7);
  const sentences = ARTICLES.flatMap((a) => a.summary.split(/(?<=[.!?])\s+/));
  const paragraphs: string[] = [];
  let count = 0;
  while (count < words) {
    const sentence = sentences[Math.floor(random() * sentences.length)] as string;
    paragraphs.push(`<p>${sentence}</p>`);
    count += sentence.split(/\s+/).length;
  }
  return `<html><head><title>Bench page</title></head><body><nav>Home Docs Blog</nav><main><h1>Bench page</h1>${paragraphs.join('')}</main><footer>footer</footer></body></html>`;
}

const getBundledRelatedModel = () => relatedModelJson as SerializedRelatedModel;

function benchRelated() {
  console.log('\n== related: page text extraction (linkedom DOM) + similarity, per page ==');
  const pages: Array<[string, string]> = [['synthetic 5,000-word page', syntheticPage(5_000)]];
  const wikipedia = join(REAL_PAGES_DIR, 'wikipedia', 'source.html');
  if (existsSync(wikipedia)) pages.push(['real page: wikipedia (5,264 words)', readFileSync(wikipedia, 'utf8')]);
  for (const size of [ARTICLES.length, 20_000]) {
    const articles = size === ARTICLES.length ? [...ARTICLES] : createSyntheticCorpus(ARTICLES, size);
    const started = performance.now();
    const model =
      size === ARTICLES.length
        ? getBundledRelatedModel()
        : rebuildRelatedModel(articles, getBundledRelatedModel(), { withRelated: false });
    const buildMs = performance.now() - started;
    const engine = createRelatedEngine(model, articles);
    console.log(
      `\n-- ${size.toLocaleString('en')} articles${size === ARTICLES.length ? ' (bundled)' : ` (synthetic; model built in ${buildMs.toFixed(0)} ms)`} --`,
    );
    for (const [label, html] of pages) {
      const { document } = parseHTML(html);
      const run = () => engine.related(extractPageText(document));
      timeEach([0], 5, run);
      line(label, formatTiming(summarize(timeEach([0], 30, run))));
      line('  of which extraction', formatTiming(summarize(timeEach([0], 30, () => extractPageText(document)))));
    }
  }
}

/**
 * The related-articles content script on other sites, in the e2e build (which grants 127.0.0.1 as
 * if the user had turned the feature on): main-thread script time on the page (measured from
 * outside: the fixture pages run no script of their own) and the time from DOMContentLoaded to the
 * box on a matching page.
 */
async function benchContentScript() {
  const extensionDir = resolve('.output/chrome-mv3-e2e');
  if (!existsSync(extensionDir)) throw new Error('run `wxt build --mode e2e` first (npm run bench does)');
  console.log('\n== content script on other sites (e2e build, pages from 127.0.0.1), per page load ==');
  const server = await startFixtureServer(resolve('tests/fixtures/pages'));
  await withExtension(extensionDir, async (context, worker) => {
    for (let i = 0; i < 50; i++) {
      const ids = await worker.evaluate(async () =>
        (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.id),
      );
      if (ids.includes('related-anywhere')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await context.addInitScript(() => {
      const observer = new MutationObserver(() => {
        if (!document.querySelector('shelf-related')) return;
        observer.disconnect();
        Object.assign(window, { __shelfBoxAt: performance.now() });
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    for (const [label, path, matching] of [
      ['non-matching page (lemon cake)', 'related/lemon-cake.html', false],
      ['matching page (cache stampedes)', 'related/cache-stampede.html', true],
    ] as const) {
      const mainThread: number[] = [];
      const boxAfterDcl: number[] = [];
      for (let run = 0; run < 31; run++) {
        const page = await context.newPage();
        const scriptTime = await startScriptClock(page);
        await page.goto(`${server.origin}/${path}`);
        if (matching) await page.waitForFunction(() => (window as { __shelfBoxAt?: number }).__shelfBoxAt);
        else await page.waitForTimeout(600);
        const work = await scriptTime();
        const figures = await page.evaluate(() => {
          const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
          const boxAt = (window as { __shelfBoxAt?: number }).__shelfBoxAt;
          return { afterDcl: boxAt === undefined ? Number.NaN : boxAt - navigation.domContentLoadedEventEnd };
        });
        if (run > 0) {
          mainThread.push(work);
          if (matching) boxAfterDcl.push(figures.afterDcl);
        }
        await page.close();
      }
      line(`${label}: main-thread script`, formatTiming(summarize(mainThread)));
      if (matching) line(`${label}: DOMContentLoaded → box`, formatTiming(summarize(boxAfterDcl)));
    }
  }).finally(() => server.close());
}

/** A Pocket export as Pocket mails it: a zip of CSV parts of 10,000 rows, each with its header. */
function pocketExportZip(rows: number): Buffer {
  const parts: Record<string, Uint8Array> = {};
  for (let part = 0; part * 10_000 < rows; part++) {
    const lines = ['title,url,time_added,cursor,tags,status'];
    for (let i = part * 10_000; i < Math.min(rows, (part + 1) * 10_000); i++)
      lines.push(
        `"Article ${i}, imported",https://example.com/a/${i},${1_600_000_000 + i},${i},${i % 3 ? '' : 'db|later'},unread`,
      );
    parts[`part_${String(part).padStart(6, '0')}.csv`] = strToU8(lines.join('\n'));
  }
  return Buffer.from(zipSync(parts));
}

/**
 * Importing a 20,000-row Pocket zip in the side panel page, in a fresh profile each run: total time
 * from choosing the file to the report, and the longest main-thread task meanwhile (what a user
 * would feel as a freeze), then importing the same file again.
 */
async function benchImport() {
  const rows = 20_000;
  console.log(
    `\n== import: ${rows.toLocaleString('en')}-row Pocket zip in the side panel, real Chromium, fresh profile per run ==`,
  );
  const file = { name: 'pocket.zip', mimeType: 'application/zip', buffer: pocketExportZip(rows) };
  const first: number[] = [];
  const again: number[] = [];
  const longest: number[] = [];
  for (let run = 0; run < 4; run++) {
    await withExtension(resolve('.output/chrome-mv3'), async (context, _worker, extensionId) => {
      const panel = await context.newPage();
      await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
      await panel.getByRole('button', { name: 'Settings' }).click();
      await panel.evaluate(() => {
        const tasks: number[] = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) tasks.push(entry.duration);
        }).observe({ type: 'longtask' });
        Object.assign(window, { __longTasks: tasks });
      });
      for (const [samples, expected] of [
        [first, `${rows} added`],
        [again, `${rows} already in Shelf`],
      ] as const) {
        const started = Date.now();
        await panel.getByLabel(/Import a file/).setInputFiles(file);
        await panel.getByRole('status').filter({ hasText: expected }).waitFor({ timeout: 120_000 });
        samples.push(Date.now() - started);
      }
      longest.push(
        await panel.evaluate(() => Math.max(0, ...(window as unknown as { __longTasks: number[] }).__longTasks)),
      );
    });
  }
  line('import (file chosen → report)', formatTiming(summarize(first)));
  line('same file again (adds nothing)', formatTiming(summarize(again)));
  line('longest main-thread task', formatTiming(summarize(longest)));
}

/** Capture (Readability + DOMPurify) of each real fixture page, on a jsdom DOM in Node. */
function benchCapture() {
  console.log('\n== capture: Readability + sanitizing per page (jsdom in Node), ../shared/fixtures/real-pages ==');
  if (!existsSync(REAL_PAGES_DIR)) {
    console.log(`  skipped: ${REAL_PAGES_DIR} is absent`);
    return;
  }
  const pages: Array<[string, string]> = realPageNames().map((name) => [
    name,
    join(REAL_PAGES_DIR, name, 'source.html'),
  ]);
  pages.push(['hostile fixture (5.6 MB)', resolve('tests/fixtures/pages/capture/hostile.html')]);
  for (const [label, file] of pages) {
    const dom = new JSDOM(readFileSync(file, 'utf8'), {
      url: 'http://fakehost/page.html',
      virtualConsole: new VirtualConsole(),
    });
    const win = dom.window as unknown as Window & typeof globalThis;
    const samples = timeEach([0], 7, () => capturePage(dom.window.document, 'http://fakehost/page.html', win));
    line(label, formatTiming(summarize(samples.slice(1))));
  }
}

// Related first: the search section leaves 100,000-article corpora for the garbage collector.
if (sections.includes('related')) benchRelated();
if (sections.includes('search')) benchSearch();
if (sections.includes('library')) benchLibrary(queries, options.librarySizes);
if (sections.includes('capture')) benchCapture();
if (sections.includes('highlights')) benchHighlights(line);
if (sections.includes('popup')) await benchPopup();
if (sections.includes('popup-library')) await benchPopupLibrary();
if (sections.includes('reading-list')) await benchReadingList();
if (sections.includes('content-script')) await benchContentScript();
if (sections.includes('import')) await benchImport();
if (sections.includes('heavy-pages')) await benchHeavyPages(line);
