import { requestLibraryPostingsUpdate } from '@/lib/background/library-postings';
import { NoDomError, withDom } from '@/lib/background/offscreen';
import { copyChanges, readableCopy, storedCopyText } from '@/lib/capture/copy-text';
import { MAX_CAPTURE_TEXT } from '@/lib/capture/schema';
import {
  COPY_TEXT_RULE,
  type CopyTextUpdate,
  getCopy,
  getCopyIdsAfter,
  getCopyTextProgress,
  storeCopyTexts,
} from '@/lib/db/copies';
import { getDatabase, type ShelfDatabase } from '@/lib/db/database';
import { pauseForPage } from '@/lib/dom/time-slices';
import { z } from '@/lib/zod/classic';

/**
 * Copies read per transaction, one at a time (a copy's HTML may be megabytes): few enough that a
 * stopped worker loses little, many enough that the library index is not stored again for every few.
 * A batch also ends once the copies it read hold this many characters of HTML.
 */
const BATCH = 25;
const BATCH_HTML_CHARS = 8_000_000;

/** A copy's text as the reader's passage finder reads it, where there is a DOM (Chrome: the offscreen document). */
export function readCopyText(html: string): Promise<string> {
  return withDom(
    () => storedCopyText(html),
    { target: 'offscreen', type: 'copy-text', html },
    z.string().max(MAX_CAPTURE_TEXT),
    'A saved copy could not be read',
  );
}

/**
 * A copy a tab made, sanitized again and read where no page runs (Chrome: the offscreen document):
 * the tab's own sanitizing ran in a renderer the page shares.
 */
export function readCopyHere(html: string): Promise<{ html: string; text: string }> {
  return withDom(
    () => readableCopy(html),
    { target: 'offscreen', type: 'readable-copy', html },
    z.object({ html: z.string().max(12_000_000), text: z.string().max(MAX_CAPTURE_TEXT) }),
    'The saved copy could not be read',
  );
}

/**
 * Reads every stored copy's searched text again by the current rule (`COPY_TEXT_RULE`) when the
 * copies were saved under an older one: a copy saved by an earlier version ran adjacent blocks
 * together ("interviewMr"), so words after a heading or a paragraph's end found nothing and a search
 * could show a passage the reader cannot mark. Batch by batch, going on from where a stopped worker
 * left off; a copy that cannot be read keeps its text (with no DOM to read in at all, the run stops
 where it is). Returns how many copies changed.
 */
export async function refreshCopyTexts({
  db = getDatabase(),
  read = readCopyText,
  onFinished = () => {},
}: {
  db?: ShelfDatabase;
  read?: (html: string) => Promise<string>;
  /**
   * Called once a run read the last copy. Its last batch may change no copy and write only its
   * progress, which is no change signal (lib/db/change-signal.ts): the whole library index, stored
   * only once every copy is current, is asked for here.
   */
  onFinished?: () => void;
} = {}): Promise<number> {
  let changed = 0;
  let ran = false;
  for (;;) {
    const { rule, after: from } = await getCopyTextProgress(db);
    if (rule >= COPY_TEXT_RULE) {
      if (ran) onFinished();
      return changed;
    }
    ran = true;
    // A copy read by rule 2 holds the reader's text already: rule 3 only counts its words again, from
    // that text, with no DOM (parsing and sanitizing thousands of copies again would take minutes).
    const textOf =
      rule >= 2 ? (copy: { text: string }) => Promise.resolve(copy.text) : (copy: { html: string }) => read(copy.html);
    const ids = await getCopyIdsAfter(from, BATCH, db);
    const updates: CopyTextUpdate[] = [];
    let readUpTo = from;
    let htmlChars = 0;
    for (const id of ids) {
      if (htmlChars >= BATCH_HTML_CHARS) break;
      const copy = await getCopy(id, db);
      readUpTo = id;
      if (!copy) continue;
      htmlChars += copy.html.length;
      try {
        const changes = copyChanges(copy, await textOf(copy));
        if (Object.keys(changes).length > 0) updates.push({ itemId: id, updatedAt: copy.updatedAt, changes });
      } catch (error) {
        // No DOM to read in (no offscreen document): stop, and read this copy at the next start.
        if (error instanceof NoDomError) throw error;
        console.warn(`Shelf: the copy of ${id} could not be read again; it keeps its text`, error);
      }
      // Lets the background answer messages between two copies (Firefox reads them in its own page).
      await pauseForPage();
    }
    const done = ids.length < BATCH && readUpTo === (ids.at(-1) ?? from);
    changed += (await storeCopyTexts(updates, { from, to: done ? null : readUpTo }, { db })).changed;
  }
}

/**
 * Reads copies saved by an earlier version again, once per start of the service worker (nothing is
 * read once every copy is current; a worker stopped meanwhile goes on at its next start).
 */
export function startCopyTextRefresh(): void {
  void refreshCopyTexts({ onFinished: requestLibraryPostingsUpdate }).catch((error: unknown) =>
    console.warn('Shelf: could not read saved copies again', error),
  );
}
