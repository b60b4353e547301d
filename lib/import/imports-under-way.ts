import { browser } from 'wxt/browser';
import {
  changePreference,
  getPreference,
  type ImportStep,
  type ImportUnderWay,
  PREFERENCES,
} from '@/lib/settings/preferences';

/**
 * Imports and restores run in the Shelf page that chose the file, in chunks: closing that page (the
 * side panel, Settings' tab) stops one part-way, keeping what it wrote, and nothing said so (QA pass:
 * a 20,000-row CSV imported in the side panel, closed during the progress bar). Each is listed while
 * it runs and holds a Web Lock named by its id, which the browser releases when its page goes: one
 * still listed once its lock is let go was stopped, and the Shelf pages showing imports say so.
 */
const LOCK_PREFIX = 'shelf-import:';
/** Progress is written at most this often: a chunk ends every few milliseconds. */
const PROGRESS_WRITE_MS = 1_000;
const MAX_LISTED = 20;

/** The part of the Web Locks API used here (a fake in tests: jsdom has none). */
export interface ImportLocks {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

const pageLocks = (): ImportLocks | undefined => (globalThis.navigator as { locks?: ImportLocks } | undefined)?.locks;

/**
 * The list changed one change at a time (`changePreference`): progress and an import's end would each
 * write it; and across pages, holding the list's Web Lock (two pages import at once).
 */
const changeList = (locks: ImportLocks, change: (list: ImportUnderWay[]) => ImportUnderWay[]) =>
  changePreference(PREFERENCES.importsUnderWay, change, { locks });

/**
 * Runs `work` listed as under way, holding its lock; `work` reports progress through the first function
 * it is given, and its step through the second, which resolves once the step is listed (`work` waits for
 * it before going on: a page closed after says the step). Bookkeeping never stops the import: a list
 * that cannot be written is left as it is.
 */
export async function whileImporting<T>(
  entry: Pick<ImportUnderWay, 'fileName' | 'kind'>,
  work: (onProgress: (done: number, total: number) => void, onStep: (step: ImportStep) => Promise<void>) => Promise<T>,
  { locks = pageLocks(), now = () => Date.now() }: { locks?: ImportLocks; now?: () => number } = {},
): Promise<T> {
  if (!locks)
    return work(
      () => {},
      async () => {},
    );
  const id = crypto.randomUUID();
  return locks.request(`${LOCK_PREFIX}${id}`, async () => {
    const listed: ImportUnderWay = {
      id,
      fileName: entry.fileName.slice(0, 300),
      kind: entry.kind,
      done: 0,
      total: 0,
      step: 'started',
    };
    await changeList(locks, (list) => [...list, listed].slice(-MAX_LISTED)).catch(() => {});
    let writtenAt = now();
    const onProgress = (done: number, total: number) => {
      // The last is always written: one stopped after says it got to the end of its count.
      const last = total > 0 && done >= total;
      if (!last && now() - writtenAt < PROGRESS_WRITE_MS) return;
      writtenAt = now();
      void changeList(locks, (list) => list.map((it) => (it.id === id ? { ...it, done, total } : it))).catch(() => {});
    };
    const onStep = (step: ImportStep) =>
      changeList(locks, (list) => list.map((it) => (it.id === id ? { ...it, step } : it))).catch(() => {});
    try {
      return await work(onProgress, onStep);
    } finally {
      await changeList(locks, (list) => list.filter((it) => it.id !== id)).catch(() => {});
    }
  });
}

/** The entry, taken off the list if it is still on it: said once, by one page. */
async function takeListed(locks: ImportLocks, id: string): Promise<ImportUnderWay | null> {
  let taken: ImportUnderWay | null = null;
  await changeList(locks, (list) => {
    taken = list.find((it) => it.id === id) ?? null;
    return list.filter((it) => it.id !== id);
  });
  return taken;
}

/**
 * Calls `onStopped` with each import that stops before it ends, its page closed: every one listed
 * (now, or later) is waited on through its lock, which the browser gives here once that page lets it
 * go; an import that ended took itself off the list first, so one still listed then was stopped (this
 * page's own imports too are waited on, harmlessly: they end before their lock is let go). A
 * page already showing Settings hears it too (its side panel follows another's view: QA, e2e).
 * Returns the function that stops watching.
 */
export function watchStoppedImports(
  onStopped: (stopped: ImportUnderWay) => void,
  { locks = pageLocks() }: { locks?: ImportLocks } = {},
): () => void {
  if (!locks) return () => {};
  const watched = new Set<string>();
  let watching = true;
  const watchListed = async () => {
    for (const { id } of await getPreference(PREFERENCES.importsUnderWay)) {
      if (watched.has(id)) continue;
      watched.add(id);
      void locks
        .request(`${LOCK_PREFIX}${id}`, async () => {
          const stopped = watching ? await takeListed(locks, id) : null;
          if (stopped) onStopped(stopped);
        })
        .catch(() => {});
    }
  };
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === 'session' && PREFERENCES.importsUnderWay.key in changes) void watchListed().catch(() => {});
  };
  browser.storage.onChanged.addListener(onChanged);
  void watchListed().catch(() => {});
  return () => {
    watching = false;
    browser.storage.onChanged.removeListener(onChanged);
  };
}

/** What the user is told of imports stopped part-way: what was kept, and how to finish. */
export function describeStoppedImport({ fileName, kind, done, total, step }: ImportUnderWay): string {
  // Its whole count is listed once its items are written, before its step (a write of its own, which a page
  // closed in between never made); an entry an earlier version listed has no step. 0 of 0 says neither.
  const recordsWritten = step === 'recordsWritten' || (total > 0 && done >= total);
  const settingsLeft =
    'before all its settings were restored (its page was closed): restore the file again to restore them.';
  if (kind === 'replace') {
    if (!recordsWritten)
      return `Replacing everything with ${fileName} did not finish (its page was closed): nothing was changed.`;
    return total > 0
      ? `Replacing everything with ${fileName} stopped after its saved items replaced those that were here, ${settingsLeft}`
      : `Replacing everything with ${fileName} stopped after it removed the saved items that were here (the file holds none), ${settingsLeft}`;
  }
  if (kind === 'merge' && recordsWritten)
    return `Restoring ${fileName} stopped after its saved items were restored, ${settingsLeft}`;
  const where = total > 0 ? `, at ${done.toLocaleString('en')} of ${total.toLocaleString('en')}` : '';
  return kind === 'merge'
    ? `Restoring ${fileName} stopped before it finished${where} (its page was closed). What it restored is kept; restore the file again to finish it.`
    : `Importing ${fileName} stopped before it finished${where} (its page was closed). What it imported is kept; import the file again to finish it: nothing is added twice.`;
}
