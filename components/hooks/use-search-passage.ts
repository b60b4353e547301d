import { useEffect, useState } from 'react';
import { inTwoFrames } from '@/lib/dom/after-paint';
import { focusIfNowhereAround } from '@/lib/dom/focus-rescue';
import { showPassage } from '@/lib/dom/passage';
import type { QueryPhrase } from '@/lib/search/phrase';
import { makeSnippetBetweenTasks } from '@/lib/search/snippet';

/**
 * The passage to open at: the one given, or the one the search's words find in the copy (read between tasks:
 * a copy may be huge); null once the copy is known to hold none; undefined while not known (or no search).
 */
export function usePassage(
  copyText: string | undefined,
  givenPassage: string | undefined,
  passageTerms: readonly string[] | undefined,
  passagePrefix: string | undefined,
  passagePhrase: QueryPhrase | undefined,
  /** The query's words as written (`SnippetOptions.written`). */
  passageWritten: readonly string[] = [],
): string | null | undefined {
  const [found, setFound] = useState<{ key: string; copyText: string; passage: string | null }>();
  // The terms arrive as a new array on each render: compared by value.
  const termsKey = passageTerms?.join('\n');
  // So does the phrase (the side panel parses its view again when storage echoes it).
  const phraseKey = passagePhrase ? JSON.stringify(passagePhrase) : '';
  const writtenKey = passageWritten.join('\n');
  const key = `${termsKey}\u0000${passagePrefix ?? ''}\u0000${phraseKey}\u0000${writtenKey}`;
  useEffect(() => {
    if (givenPassage || termsKey === undefined || copyText === undefined) return;
    const stale = new AbortController();
    void makeSnippetBetweenTasks(copyText, new Set(termsKey.split('\n')), passagePrefix ?? null, {
      signal: stale.signal,
      phrase: phraseKey ? (JSON.parse(phraseKey) as QueryPhrase) : null,
      written: writtenKey ? writtenKey.split('\n') : [],
    }).then((snippet) => {
      if (!stale.signal.aborted) setFound({ key, copyText, passage: snippet?.passage || null });
    });
    return () => stale.abort();
  }, [copyText, givenPassage, termsKey, passagePrefix, phraseKey, writtenKey, key]);
  // Found for these terms in this copy (a page captured again has another).
  return givenPassage ?? (found?.key === key && found.copyText === copyText ? found.passage : undefined);
}

/**
 * Opened from a search result: the reader shows and marks the passage that matched, once the saved
 * position is restored (two frames on); with no passage the copy holds (the search matched the
 * item's note, say), the focus goes to the title.
 */
export function useFocusAtPassage(copyShown: boolean, passage: string | null | undefined): void {
  useEffect(() => {
    if (!copyShown || passage === undefined) return;
    return inTwoFrames(() => {
      const body = document.querySelector('.reader-body');
      if (body && (passage === null || !showPassage(body, passage))) focusTitle();
    });
  }, [copyShown, passage]);
}

/**
 * Opened from a result the user's note matched (its copy holds none of the words): the item's note is
 * scrolled into view and takes the focus once shown (QA pass: the reader opened at the top of the
 * article, the note below all of it).
 */
export function useFocusAtNote(shown: boolean): void {
  useEffect(() => {
    if (!shown) return;
    // The annotations are read after the copy: looked for each frame, for two seconds at most.
    let frame = 0;
    let frames = 120;
    const look = () => {
      const note = document.querySelector<HTMLTextAreaElement>('.item-annotations textarea[aria-label="Note"]');
      if (!note) {
        if (--frames > 0) frame = requestAnimationFrame(look);
        else focusTitle(); // not shown in time (a busy machine): the title, as any reader opens
        return;
      }
      note.scrollIntoView?.({ block: 'center' }); // jsdom has no layout
      focusIfNowhereAround(note);
    };
    frame = requestAnimationFrame(look);
    return () => cancelAnimationFrame(frame);
  }, [shown]);
}

/** The reader's title takes the focus, as when it opens without a passage, unless the user moved it since. */
function focusTitle(): void {
  const title = document.getElementById('reader-title') ?? document.getElementById('not-captured-title');
  if (title) focusIfNowhereAround(title);
}
