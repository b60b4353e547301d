import { cutToLength } from '@/lib/annotations/cut-text';
import { MAX_STORED_TAG_LENGTH, MAX_STORED_TAGS } from '@/lib/annotations/tags';
import type { CapturedPage } from '@/lib/capture/schema';
import { isArticleSearchLink } from '@/lib/corpus/catalog';
import { getDatabase, type ShelfDatabase } from '@/lib/db/database';
import { DataDeletedError, StorageFullError } from '@/lib/db/errors';
import { fragmentlessPageItemId, pageItemId } from '@/lib/db/ids';
import { type ChunkWrites, type ExistingRecords, writeImportChunk } from '@/lib/db/import-chunk';
import { MAX_HIGHLIGHT_NOTE_LENGTH, MAX_NOTE_LENGTH } from '@/lib/db/limits';
import { isAddressTitle } from '@/lib/db/merge';
import { getEpoch } from '@/lib/db/meta';
import { changeTimesAt, chosenAt, type ItemField, type ReadingProgress, type SavedItem } from '@/lib/db/schema';
import {
  IMPORT_FORMAT_NAMES,
  type ImportEntry,
  type ImportedHighlight,
  type ParsedImport,
  type SkippedRecord,
  yieldToPage,
} from '@/lib/import/entry';
import { plainTitle } from '@/lib/search/shown-line';

export interface ImportSummary {
  format: string;
  /** Records in the file (every one is added, merged, unchanged or skipped). */
  total: number;
  added: number;
  /** Already in Shelf, and the file brought something new (a newer status or title, tags, notes). */
  merged: number;
  /** Already in Shelf with nothing new (importing the same file again). */
  unchanged: number;
  skipped: SkippedRecord[];
  /** Set when the import stopped part-way (out of space, or everything deleted): what is counted above was kept. */
  stoppedEarly: string | null;
  /** It stopped because the browser has no room left: a failure to say as one, not a report. */
  outOfSpace: boolean;
  /** The file itself ends mid-way: what it held is counted above, and the rest was never in it. */
  cutShort?: string;
  /** Bytes of a UTF-8 file that were not UTF-8, read as "�": where. */
  strayBytes?: string;
  /** Files of a zip left out as no export: which, and why. */
  filesLeftOut?: string;
  /** Notes in the file longer than Shelf keeps, kept cut to its limit. */
  notesCut?: number;
  /** Records whose tags were more, or longer, than an item keeps (cut to fit). */
  tagsCut?: number;
  /** Of `skipped`, the rows repeating an address of the file: merged into its first row, nothing lost. */
  repeated?: number;
}

export interface ApplyImportOptions {
  db?: ShelfDatabase;
  now?: number;
  /** Items per transaction: each lands whole, and the page gets a turn between them. */
  chunkSize?: number;
  onProgress?: (done: number, total: number) => void;
  /** The bundled article an address is, so imported blog links get their cards and related articles. */
  findArticleId?: (url: string) => string | undefined;
  /**
   * The epoch when the user chose the file (`getEpoch`), read before it was read and checked, which
   * takes seconds for a large file: "Delete everything" meanwhile stops the import. Default: now.
   */
  epoch?: string;
}

/**
 * Items of the same address in one file become one: the later record is merged into the first. Each
 * with the ids versions before 12 gave the addresses it came as, when they held tracking parameters.
 */
function mergeDuplicates(entries: readonly ImportEntry[], findArticleId: (url: string) => string | undefined) {
  const byId = new Map<string, Omit<ChunkEntry, 'id'>>();
  const skipped: SkippedRecord[] = [];
  for (const entry of entries) {
    const articleId = findArticleId(entry.url) ?? null;
    const id = pageItemId(entry.url, articleId ?? undefined);
    const formerIds = !articleId && entry.urlWithTracking ? [fragmentlessPageItemId(entry.urlWithTracking)] : [];
    const first = byId.get(id);
    if (!first) {
      byId.set(id, { entry, articleId, noteCut: false, formerIds });
      continue;
    }
    let noteCut = first.noteCut;
    const merged = mergeEntry(first.entry, entry, () => (noteCut = true));
    byId.set(id, { entry: merged, articleId, noteCut, formerIds: [...first.formerIds, ...formerIds] });
    skipped.push({ where: entry.where, reason: `same address as ${first.entry.where} (merged into it)` });
  }
  return { unique: [...byId].map(([id, value]) => ({ id, ...value })), skipped };
}

/**
 * An entry dated after the import comes from a wrong clock: its dates are unknown, so it is not
 * "newer" than what the user chose here (a Pocket row dated an hour ahead turned a page marked done
 * into archived).
 */
function withoutTimesAfter(entry: ImportEntry, now: number): ImportEntry {
  const known = (time: number | null) => (time !== null && time > now ? null : time);
  if (known(entry.addedAt) === entry.addedAt && known(entry.updatedAt) === entry.updatedAt) return entry;
  return { ...entry, addedAt: known(entry.addedAt), updatedAt: known(entry.updatedAt) };
}

/** The same second: the formats that keep whole seconds (CSV, bookmarks) round a date Shelf wrote in milliseconds. */
const sameSecond = (a: number, b: number) => Math.floor(a / 1000) === Math.floor(b / 1000);

function timeOf(entry: Pick<ImportEntry, 'updatedAt' | 'addedAt'>): number {
  return entry.updatedAt ?? entry.addedAt ?? 0;
}

/** Two notes as one, each once, cut to the length Shelf keeps; `onCut` hears of a cut (the report counts it). */
function joinNotes(a: string, b: string, onCut: () => void): string {
  if (!b || a.includes(b)) return a;
  if (!a || b.includes(a)) return b;
  const joined = `${a}\n\n${b}`;
  if (joined.length > MAX_NOTE_LENGTH) onCut();
  return cutToLength(joined, MAX_NOTE_LENGTH);
}

function unionTags(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])].slice(0, 50);
}

function mergeEntry(first: ImportEntry, later: ImportEntry, onNoteCut: () => void): ImportEntry {
  const newer = timeOf(later) > timeOf(first) ? later : first;
  const realTitle = ({ title }: ImportEntry) => (isAddressTitle(title, [first.url, later.url]) ? '' : title);
  return {
    ...newer,
    where: first.where,
    status: newer.status ?? first.status ?? later.status,
    title: realTitle(newer) || realTitle(first) || realTitle(later) || newer.title || first.title || later.title,
    tags: unionTags(first.tags, later.tags),
    note: joinNotes(first.note, later.note, onNoteCut),
    addedAt: minOf(first.addedAt, later.addedAt),
    content: newer.content ?? first.content ?? later.content,
    progress: newer.progress ?? first.progress ?? later.progress,
    highlights: unionHighlights(first.highlights, later.highlights),
  };
}

/** Both entries' highlights, a quote the first has once only. */
function unionHighlights(first: ImportedHighlight[], later: ImportedHighlight[]): ImportedHighlight[] {
  const quotes = new Set(first.map(({ selectors }) => selectors.quote.exact));
  return [...first, ...later.filter(({ selectors }) => !quotes.has(selectors.quote.exact))];
}

function minOf(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

/**
 * Whether a record adds its tags (or note) to the item's. A record the item came from, or was merged
 * with before (the same "added" date: Shelf keeps the earliest), adds them only when it is newer than
 * the user's last choice of them here (`chosenAt`): a tag removed or a note rewritten since the file
 * was made stays so when the file is imported again (QA pass: they came back). Any other record (an
 * app's export of a page saved here first), or one without a date, adds what it holds, which this
 * library never saw (review: a page tagged here lost an older Pocket export's tags).
 */
function bringsField(item: SavedItem, entry: ImportEntry, entryTime: number, field: 'tags' | 'note'): boolean {
  if (entryTime === 0 || entryTime > chosenAt(item, field) || setBySameDate(item, field, entryTime)) return true;
  return entry.addedAt === null || !sameSecond(entry.addedAt, item.addedAt);
}

/**
 * Whether the item's field was last set from a record of the same date as this one, and not chosen here
 * since: Pocket, Instapaper and bookmarks say only when a page was added, so a later export of the same
 * record carries the same date, and is what that app says now (QA pass: its new tags, note, title and
 * status were dropped as "already in Shelf"). The same file imported again changes nothing still.
 */
function setBySameDate(item: SavedItem, field: ItemField, entryTime: number): boolean {
  const since = chosenAt(item, field) - entryTime;
  // A title so set is dated a millisecond after (`mergeIntoItem`).
  return entryTime !== 0 && (since === 0 || (field === 'title' && since === 1));
}

/**
 * Merges an imported entry into the saved item: the newer side (by its last change) wins status and
 * title; a real title fills an item titled by its address whatever its date, and an address never
 * replaces a real title; tags and notes are combined when the entry is newer than their last change
 * (`bringsField`); the earliest "added" date is kept. Returns null when the entry brings nothing new,
 * which makes importing the same file twice change nothing.
 */
function mergeIntoItem(item: SavedItem, entry: ImportEntry, onNoteCut: () => void): SavedItem | null {
  const entryTime = timeOf(entry);
  const newer = entryTime > item.updatedAt;
  const urls = item.url ? [item.url, entry.url] : [entry.url];
  const entryTitle = isAddressTitle(entry.title, urls) ? '' : entry.title;
  const fillsTitle = entryTitle !== '' && isAddressTitle(item.title, urls);
  const sameDateTitle = setBySameDate(item, 'title', entryTime);
  const next: SavedItem = {
    ...item,
    changedAt: { ...item.changedAt },
    title: entryTitle && (newer || fillsTitle || sameDateTitle) ? entryTitle : item.title,
    // A record that states no status (a bookmark, a Raindrop row) leaves the one chosen here; one that
    // states it replaces a status no one chose (the unread a bookmark left), however old (QA pass: a
    // bookmark imported first, dated later, kept an archived Omnivore page unread).
    status:
      entry.status !== null && (newer || chosenAt(item, 'status') === 0 || setBySameDate(item, 'status', entryTime))
        ? entry.status
        : item.status,
    tags: bringsField(item, entry, entryTime, 'tags') ? unionTags(item.tags, entry.tags) : item.tags,
    note: bringsField(item, entry, entryTime, 'note') ? joinNotes(item.note, entry.note, onNoteCut) : item.note,
    // Earlier by a second at least: Shelf's own CSV export, imported again, changed every date.
    addedAt:
      entry.addedAt !== null && entry.addedAt < item.addedAt && !sameSecond(entry.addedAt, item.addedAt)
        ? entry.addedAt
        : item.addedAt,
  };
  let changed = next.addedAt !== item.addedAt;
  for (const field of ['title', 'status', 'tags', 'note'] as const) {
    if (JSON.stringify(next[field]) === JSON.stringify(item[field])) continue;
    next.changedAt[field] = Math.max(item.changedAt[field], entryTime);
    changed = true;
  }
  // A status no one chose, filled by an older record: chosen when that record says, whichever file came
  // first (review: dated by the bookmark imported before it, the two orders synced as two choices).
  if (next.status !== item.status && !newer) next.changedAt.status = entryTime;
  // A title filled by a record older than the address it replaces is dated just after that address:
  // sync, where a tie keeps each browser's own, then carries it to a browser still showing the
  // address, and a title chosen there since still wins.
  // Not one a later export of the same record brings: dated again each time, it crept past the record's date
  // and the fourth export's title was dropped (review).
  if (next.title !== item.title && next.changedAt.title === item.changedAt.title && !(sameDateTitle && !fillsTitle))
    next.changedAt.title += 1;
  if (!changed) return null;
  next.updatedAt = Math.max(item.updatedAt, entryTime);
  return next;
}

function progressRecord(itemId: string, fraction: number, updatedAt: number): ReadingProgress {
  return { itemId, fraction, anchor: { scrollFraction: fraction, scrollY: 0 }, updatedAt };
}

/**
 * Writes an import into the reading list in chunks (one transaction each, with a pause for the page
 * between them so that a 20,000-item import neither freezes the UI nor holds one huge transaction).
 * Idempotent: an address already saved is merged (newest wins), never duplicated.
 */
export async function applyImport(parsed: ParsedImport, options: ApplyImportOptions = {}): Promise<ImportSummary> {
  const {
    db = getDatabase(),
    now = Date.now(),
    chunkSize = 1000,
    onProgress,
    findArticleId = () => undefined,
    epoch: begunAt,
  } = options;
  // Before duplicates meet: a row of the same address dated in the future must not win there either.
  const entries = parsed.entries.map((entry) => withoutTimesAfter(entry, now));
  const { unique, skipped: duplicates } = mergeDuplicates(entries, findArticleId);
  const summary: ImportSummary = {
    format: IMPORT_FORMAT_NAMES[parsed.format],
    total: parsed.entries.length + parsed.skipped.length,
    added: 0,
    merged: 0,
    unchanged: 0,
    skipped: inFileOrder([...parsed.skipped, ...duplicates]),
    ...(duplicates.length > 0 && { repeated: duplicates.length }),
    stoppedEarly: null,
    outOfSpace: false,
    ...(parsed.cutShort && { cutShort: parsed.cutShort }),
    ...(parsed.strayBytes && { strayBytes: parsed.strayBytes }),
    ...(parsed.filesLeftOut && { filesLeftOut: parsed.filesLeftOut }),
    ...(parsed.notesCut > 0 && { notesCut: parsed.notesCut }),
    ...(parsed.tagsCut && { tagsCut: parsed.tagsCut }),
  };
  onProgress?.(0, unique.length);
  const epoch = begunAt ?? (await getEpoch(db));
  for (let start = 0; start < unique.length; start += chunkSize) {
    const chunk = unique.slice(start, start + chunkSize);
    try {
      const counts = await writeImportChunk(
        chunk.map(({ id }) => id),
        {
          db,
          epoch,
          readProgress: chunk.some(({ entry }) => entry.progress !== null),
          readCaptures: chunk.some(({ entry }) => entry.content),
          readHighlights: chunk.some(({ entry }) => entry.highlights.length > 0),
          formerIds: new Map(chunk.flatMap(({ id, formerIds }) => (formerIds.length > 0 ? [[id, formerIds]] : []))),
        },
        (existing) => planChunk(chunk, existing, now),
      );
      summary.added += counts.added;
      summary.merged += counts.merged;
      summary.unchanged += counts.unchanged;
      if (counts.notesCut > 0) summary.notesCut = (summary.notesCut ?? 0) + counts.notesCut;
    } catch (error) {
      if (error instanceof StorageFullError) {
        summary.stoppedEarly = `The browser ran out of space after ${start} of ${unique.length} items; the rest were not imported.`;
        summary.outOfSpace = true;
      } else if (error instanceof DataDeletedError) {
        summary.stoppedEarly = `Everything was deleted while importing, so the import stopped after ${start} of ${unique.length} items and wrote nothing more.`;
      } else {
        throw error;
      }
      break;
    }
    onProgress?.(Math.min(start + chunkSize, unique.length), unique.length);
    await yieldToPage();
  }
  return summary;
}

/**
 * `noteCut`: its note joins rows of the file and was cut to fit. `formerIds`: the ids versions before 12
 * gave the addresses it came as (`ImportEntry.urlWithTracking`).
 */
type ChunkEntry = {
  id: string;
  entry: ImportEntry;
  articleId: string | null;
  noteCut: boolean;
  formerIds: string[];
};

/** What one chunk writes, given what is saved under its ids: new items, merges, progress, copies. */
function planChunk(
  chunk: readonly ChunkEntry[],
  existing: ExistingRecords,
  now: number,
): { writes: ChunkWrites; result: { added: number; merged: number; unchanged: number; notesCut: number } } {
  const writes: ChunkWrites = { items: [], progress: [], captures: [], highlights: [] };
  const result = { added: 0, merged: 0, unchanged: 0, notesCut: 0 };
  chunk.forEach(({ id, entry, articleId, noteCut }, i) => {
    const saved = existing.items[i];
    const entryTime = entry.updatedAt ?? entry.addedAt ?? now;
    let progressChanged = false;
    let captureAdded = false;
    if (entry.progress !== null) {
      const current = existing.progress[i];
      if (!current || (entryTime > current.updatedAt && current.fraction !== entry.progress)) {
        writes.progress.push(progressRecord(id, entry.progress, entryTime));
        progressChanged = true;
      }
    }
    if (entry.content && !existing.hasCapture[i]) {
      writes.captures.push({ ...(entry.content as CapturedPage), itemId: id, capturedAt: now, updatedAt: now });
      captureAdded = true;
    }
    // A quote the item already has is not added again: importing the same file twice changes nothing.
    const { highlights } = entry;
    const newHighlights = highlights.filter(
      ({ selectors }) => !existing.highlightQuotes[i]?.has(selectors.quote.exact),
    );
    for (const { selectors, note, color } of newHighlights) {
      writes.highlights.push({
        id: crypto.randomUUID(),
        itemId: id,
        selectors,
        note,
        color,
        createdAt: now,
        updatedAt: now,
      });
    }
    if (!saved) {
      writes.items.push({
        id,
        kind: articleId ? 'article' : 'page',
        articleId,
        // An article without an address came as the site search an export wrote: it has none here either.
        url: articleId && isArticleSearchLink(entry.url) ? null : entry.url,
        title: plainTitle(entry.title, entry.url),
        status: entry.status ?? 'unread',
        tags: entry.tags,
        note: entry.note,
        addedAt: entry.addedAt ?? now,
        updatedAt: entryTime,
        changedAt: changeTimesAt(entryTime),
      });
      result.added++;
      if (noteCut) result.notesCut++;
      return;
    }
    let joinedNoteCut = false;
    const merged = mergeIntoItem(saved, entry, () => (joinedNoteCut = true));
    // A cut counts where it is written: not for a note already saved as the join was cut (a second import).
    if (merged && merged.note !== saved.note && (joinedNoteCut || noteCut)) result.notesCut++;
    if (merged) writes.items.push(merged);
    if (merged || progressChanged || captureAdded || newHighlights.length > 0) result.merged++;
    else result.unchanged++;
  });
  return { writes, result };
}

/**
 * Skipped records in the order of the file: a duplicate row is found once every row is read, and was
 * listed after the rest (QA pass: "line 6 … | line 7 … | line 5: same address as line 2"). Places
 * ("line 5", "links.html, link 12") compare with their numbers as numbers, each key made once.
 */
function inFileOrder(skipped: SkippedRecord[]): SkippedRecord[] {
  const keyed = skipped.map((record) => ({ record, key: record.where.replace(/\d+/g, (n) => n.padStart(12, '0')) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map(({ record }) => record);
}

/** One line for the user: what happened, in numbers. */
export function describeImport(fileName: string, summary: ImportSummary): string {
  const parts = [
    `${summary.added} added`,
    `${summary.merged} merged into items already saved`,
    `${summary.unchanged} already in Shelf`,
    // QA pass: "10 skipped" read as data lost, though 4 of them were merged into a row above.
    `${summary.skipped.length} skipped${summary.repeated ? ` (${summary.repeated} of them repeating an address of the file, merged into its first row)` : ''}`,
  ];
  const limits = `${MAX_NOTE_LENGTH.toLocaleString('en-US')} characters, ${MAX_HIGHLIGHT_NOTE_LENGTH.toLocaleString('en-US')} for a highlight’s`;
  const notesCut = !summary.notesCut
    ? ''
    : summary.notesCut === 1
      ? `One note was longer than Shelf keeps and was cut to fit (${limits}).`
      : `${summary.notesCut} notes were longer than Shelf keeps and were cut to fit (${limits}).`;
  const tagsCut = !summary.tagsCut
    ? ''
    : `The tags of ${summary.tagsCut === 1 ? 'one record were' : `${summary.tagsCut} records were`} more or longer than an item keeps and were cut to fit (${MAX_STORED_TAGS} tags of ${MAX_STORED_TAG_LENGTH} characters).`;
  const after = [notesCut, tagsCut, summary.strayBytes, summary.filesLeftOut, summary.cutShort, summary.stoppedEarly]
    .filter(Boolean)
    .map((line) => ` ${line}`);
  const records = `${summary.total} record${summary.total === 1 ? '' : 's'}`;
  return `${fileName} (${summary.format}): ${records} — ${parts.join(', ')}.${after.join('')}`;
}
