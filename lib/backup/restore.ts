import { cleanStoredTags } from '@/lib/annotations/tags';
import type { CheckedBackup } from '@/lib/backup/backup-file';
import { copyChanges, readableCopySteps } from '@/lib/capture/copy-text';
import { type RestoreCounts, writeBackupRecords } from '@/lib/db/backup';
import { changesWhatSearchReads } from '@/lib/db/copies';
import { getDatabase, type ShelfDatabase } from '@/lib/db/database';
import { DataDeletedError, isQuotaError } from '@/lib/db/errors';
import { sameValue } from '@/lib/db/merge';
import { getEpoch } from '@/lib/db/meta';
import type { CaptureRecord } from '@/lib/db/schema';
import { capMarkupDepth } from '@/lib/dom/markup-depth';
import { runInSlices, type Steps } from '@/lib/dom/time-slices';
import type { SkippedRecord } from '@/lib/import/entry';
import { plainTitle } from '@/lib/search/shown-line';
import { holdsAllSites } from '@/lib/settings/all-sites-access';
import { KEPT_IN_THIS_BROWSER, restorePreferences } from '@/lib/settings/preferences';

export interface RestoreReport extends RestoreCounts {
  /** Records of the file that were not restored, with why. */
  skipped: SkippedRecord[];
  /** Items of the file restored as part of the same page before them in it (`CheckedBackup.joined`). */
  joined: string[];
}

/** What a restore is doing: reading the file's saved copies (seconds, for thousands), then writing its items. */
export type RestoreStage = 'copies' | 'items';

export interface RestoreOptions {
  db?: ShelfDatabase;
  onProgress?: (done: number, total: number, stage: RestoreStage) => void;
  win?: Window & typeof globalThis;
  /** The epoch when the user chose the file, read before it was read and parsed; else read at the start. */
  epoch?: string;
  /** When the restore happens (tests set it; sync dates a replaced library's items then). */
  now?: number;
  /**
   * Called once the file's records are written (a replace's transaction committed), before its settings
   * are restored; waited for: the list of imports under way says so, for a page closed meanwhile.
   */
  onRecordsWritten?: () => Promise<void>;
}

/**
 * A backup's copies as Shelf keeps them, as steps: sanitized again, like every copy from outside, and
 * searched by the text the reader reads in each, whatever the file says (a backup of an earlier
 * version ran adjacent blocks together: "interviewMr"). A copy whose text or lines this changes counts
 * as changed now (the library index reads it again; not for its word count alone); when it was captured stays.
 */
function* backupCopiesSteps(
  captures: readonly CaptureRecord[],
  win: Window & typeof globalThis,
  now: number,
  onRead?: (done: number, total: number) => void,
): Steps<CaptureRecord[]> {
  const kept: CaptureRecord[] = [];
  for (const capture of captures) {
    // A file's copy may nest deeper than a browser parses quickly (stored copies never do: a browser built them).
    const { html, text } = yield* readableCopySteps(capMarkupDepth(capture.html), win);
    const changes = copyChanges(capture, text);
    const updatedAt = changesWhatSearchReads(changes) ? Math.max(now, capture.updatedAt + 1) : capture.updatedAt;
    kept.push({ ...capture, ...changes, html, updatedAt });
    onRead?.(kept.length, captures.length);
    yield;
  }
  return kept;
}

/**
 * Restores a checked backup: its records ("merge": newer changes win, field by field; "replace":
 * the saved items become the file's), then its preferences ("merge": this browser's own choices
 * kept, lists joined; "replace": the file's). Readable copies are sanitized again
 * before they are stored, like every copy that comes from outside, and searched by their reader's
 * text; titles are kept as plain lines. "Related articles on every
 * site" comes back only where this browser already allows it (a restore cannot ask).
 */
export async function restoreBackup(
  backup: CheckedBackup,
  mode: 'merge' | 'replace',
  { db, onProgress, win = window, epoch: begunAt, now = Date.now(), onRecordsWritten }: RestoreOptions = {},
): Promise<RestoreReport> {
  // The first frame of progress, before anything is awaited: the copies to read, else the items to write.
  const { items: inFile, captures: copies } = backup.records;
  if (copies.length > 0) onProgress?.(0, copies.length, 'copies');
  else onProgress?.(0, inFile.length, 'items');
  // Before the copies are read (seconds, for thousands): "Delete everything" meanwhile stops the restore.
  const epoch = begunAt ?? (await getEpoch(db ?? getDatabase()));
  // Thousands of copies take seconds: the page keeps answering meanwhile.
  const captures = await runInSlices(
    backupCopiesSteps(copies, win, now, (done, total) => onProgress?.(done, total, 'copies')),
  );
  // Titles and tags as this version keeps them: a backup written before may hold a title with a
  // bidi override, or a tag holding a separator of the exports (`cleanStoredTags`).
  const items = inFile.map((item) => {
    const title = plainTitle(item.title, item.url);
    const tags = cleanStoredTags(item.tags);
    if (title === item.title && sameValue(tags, item.tags)) return item;
    return { ...item, title, tags, updatedAt: Math.max(now, item.updatedAt + 1) };
  });
  const counts = await writeBackupRecords({ ...backup.records, items, captures }, mode, {
    db,
    onProgress: (done, total) => onProgress?.(done, total, 'items'),
    epoch,
    now,
  });
  await onRecordsWritten?.();
  const preferences = await restoreFilePreferences(backup.preferences, mode).catch((error: unknown) => {
    throw new SettingsNotRestoredError(error);
  });
  const skipped = [
    ...backup.skipped,
    ...counts.skipped,
    ...preferences.skipped.map(({ name, reason }) => ({ where: `setting "${name}"`, reason })),
  ];
  return { ...counts, skipped, joined: backup.joined };
}

/** The file's preferences, after its records: "related articles on every site" only where this browser allows it. */
async function restoreFilePreferences(snapshot: CheckedBackup['preferences'], mode: 'merge' | 'replace') {
  const allSites = snapshot.relatedPlacement === 'everywhere' && (await holdsAllSites());
  return restorePreferences(
    snapshot,
    (name, value) =>
      name === 'relatedPlacement' && value === 'everywhere' && !allSites
        ? { refused: 'related articles on every site need your permission: choose it again in Settings' }
        : { value },
    { merge: mode === 'merge' },
  );
}

/**
 * The file's records were written (a replace's transaction committed), but its settings, written after
 * them to another store, could not all be: a replace changed the library all the same.
 */
export class SettingsNotRestoredError extends Error {
  constructor(readonly reason: unknown) {
    super(`Its saved items were restored, but not its settings (${(reason as Error)?.message ?? String(reason)}).`);
    this.name = 'SettingsNotRestoredError';
  }
}

/**
 * Why a restore stopped, for the user. "replace" writes in one transaction: nothing changed. "merge"
 * writes in chunks: those written before stay, and importing the file again finishes it (newer
 * changes win, so nothing is added twice).
 */
export function describeRestoreFailure(fileName: string, error: unknown, mode: 'merge' | 'replace'): string {
  // "Delete everything" in another window: nothing is kept, and importing again is the user's choice.
  if (error instanceof DataDeletedError) return `${fileName}: ${error.message}`;
  if (error instanceof SettingsNotRestoredError)
    return `${fileName}: ${error.message} Restore the file again to restore them.`;
  const reason = isQuotaError(error)
    ? 'The browser has no room left for Shelf’s data.'
    : `The import stopped (${(error as Error)?.message ?? String(error)}).`;
  const kept =
    mode === 'replace'
      ? 'Nothing was changed.'
      : 'Items written before it stopped were kept; free some space if needed and import the file again to finish (nothing is added twice).';
  return `${fileName}: ${reason} ${kept}`;
}

/** What a replace did: the file's items instead of those that were here. */
function replacedLine({ added, removed }: RestoreReport): string {
  const items = `its ${added} ${added === 1 ? 'item' : 'items'}`;
  if (removed === 0) return `${items} added (nothing was here)`;
  return `${items} replaced the ${removed} that ${removed === 1 ? 'was' : 'were'} here`;
}

/** One line for the user, counting saved items (not records). */
export function describeRestore(fileName: string, report: RestoreReport, mode: 'merge' | 'replace'): string {
  // A replace removes every item that was here and adds the file's: "3 replaced" read as three
  // items changed, though some were simply gone (QA pass).
  const parts =
    mode === 'replace'
      ? [replacedLine(report)]
      : [`${report.added} added`, `${report.updated} updated`, `${report.unchanged} unchanged`];
  const others = report.skipped.filter((record) => !isSettingSkip(record));
  const lines = [`Imported ${fileName}: ${parts.join(', ')}.`, ...settingsLines(report.skipped)];
  // Restored, as part of another item: not "skipped" (review: a page's newsletter copy read as lost).
  if (report.joined.length === 1)
    lines.push(
      `Joined 1 to the same page earlier in the file (one item, with the tags, notes and highlights of both): ${listedPlaces(report.joined)}.`,
    );
  else if (report.joined.length > 1)
    lines.push(
      `Joined ${report.joined.length}, each to the same page earlier in the file (each page one item, with the tags, notes and highlights of its records): ${listedPlaces(report.joined)}.`,
    );
  if (others.length)
    lines.push(`Skipped ${others.length}: ${listedPlaces(others.map(({ where, reason }) => `${where} (${reason})`))}.`);
  return lines.join(' ');
}

/** The first few places, and how many more: the count says how many there were. */
function listedPlaces(places: readonly string[]): string {
  const listed = places.slice(0, LISTED_SKIPS);
  if (places.length > LISTED_SKIPS) listed.push(`${places.length - LISTED_SKIPS} more`);
  return listed.join('; ');
}

/** How many records of a kind the line names; the count says how many there were. */
const LISTED_SKIPS = 3;

/** Where `restoreBackup` puts a setting of the file it did not restore: `setting "readerTheme"`. */
const SETTING_PLACE = /^setting "(.*)"$/s;

/** A setting of the file `restoreBackup` did not restore (not a record of an item). */
export function isSettingSkip({ where }: SkippedRecord): boolean {
  return SETTING_PLACE.test(where);
}

/** A setting of the file a merge left as this browser has it. */
function isKeptSetting({ reason }: SkippedRecord): boolean {
  return reason.startsWith(KEPT_IN_THIS_BROWSER);
}

/**
 * The settings of the file not restored, said apart from the items and by name (QA pass: "1 skipped" for a
 * theme this browser kept read as an item lost): "Kept as this browser has them: theme." for those a merge
 * left as this browser has them, "Settings not restored: related placement (…)." for the others, with why.
 * Settings' Restore and a backup dropped on the import say them alike.
 */
export function settingsLines(skipped: readonly SkippedRecord[]): string[] {
  const settings = skipped.filter(isSettingSkip);
  const kept = settings.filter(isKeptSetting).map(({ where }) => settingName(where));
  const notRestored = settings
    .filter((setting) => !isKeptSetting(setting))
    .map(({ where, reason }) => `${settingName(where)} (${reason})`);
  return [
    ...(kept.length ? [`Kept as this browser has them: ${kept.join(', ')}.`] : []),
    // The first few: a file may name a thousand settings this version does not know.
    ...(notRestored.length ? [`Settings not restored: ${listedPlaces(notRestored)}.`] : []),
  ];
}

/** `setting "relatedHiddenSites"` as a person reads it: "related hidden sites". */
function settingName(where: string): string {
  const name = SETTING_PLACE.exec(where)?.[1] ?? where;
  return name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
