import { useEffect, useRef, useState } from 'react';
import { mergeTextEdits } from '@/lib/annotations/merge-text';

export type SaveState = 'saved' | 'editing' | 'saving' | 'failed';

/**
 * A text saved as the user types: `save` runs once typing pauses for `delay` ms, and at once if a
 * change is still pending when the view closes (unmount) or the page is hidden; as the page itself
 * closes (a tab or side panel closed runs no unmount, and cuts off a write it starts),
 * `saveAsPageCloses` hands the text to what outlives the page. So nothing typed is lost. The text
 * follows `stored` (a change made elsewhere) only while nothing is being edited here; `save` is given
 * the text the edit began from (`base`), to join an edit saved elsewhere meanwhile, and answers what
 * it wrote, which the text then shows (with what was typed since joined to it).
 */
export function useDebouncedSave(
  stored: string,
  save: (text: string, base: string) => Promise<unknown>,
  {
    delay = 500,
    saveAsPageCloses,
  }: {
    delay?: number;
    /** Hands `text` over as the page closes: `base` as `save` gets it, `underWay` the text a save under way writes. */
    saveAsPageCloses?: (text: string, base: string, underWay: string | null) => void;
  } = {},
) {
  const [text, setText] = useState(stored);
  const [state, setState] = useState<SaveState>('saved');
  /** Why the last save failed (state 'failed'); the text stays pending, saved at the next pause. */
  const [failure, setFailure] = useState<unknown>(null);
  const pending = useRef<string | null>(null);
  /** The stored text the pending edit began from (the last one shown or written here). */
  const base = useRef(stored);
  const saveRef = useRef(save);
  saveRef.current = save;

  useEffect(() => {
    if (pending.current !== null) return;
    base.current = stored;
    setText(stored);
  }, [stored]);

  /** The saves under way (and waiting), the last of them: the next one waits for it. */
  const saves = useRef({ count: 0, last: Promise.resolve(), writing: null as string | null });

  /**
   * Saves `value` over the base it began from; what was written becomes the next base, however the
   * save started (a pause, the page hidden, the view closed): else a later save joins this one's
   * words as another window's edit, and repeats them (QA pass: "ab" saved on hiding, "abc" read "ab
   * bc"). One started while another is under way waits for it, to begin from what it wrote ("abc abcd").
   */
  const saveValue = useRef((value: string) => {
    setState('saving');
    const run = () => {
      saves.current.writing = value;
      return saveRef
        .current(value, base.current)
        .then(
          (result) => {
            const written = typeof result === 'string' ? result : value;
            base.current = written;
            if (pending.current === value) {
              pending.current = null;
              setState('saved');
            } else if (pending.current !== null && written !== value) {
              // Typed on while another window's words were joined in: keep both.
              pending.current = mergeTextEdits(value, pending.current, written);
            }
            if (written !== value) setText(pending.current ?? written);
          },
          (error: unknown) => {
            setFailure(error);
            setState('failed');
          },
        )
        .finally(() => {
          saves.current.writing = null;
        });
    };
    const queue = saves.current;
    // None under way: at once (a page being hidden or closed may not wait for a later turn).
    const started = queue.count === 0 ? run() : queue.last.then(run);
    queue.count++;
    queue.last = started.finally(() => {
      queue.count--;
    });
  }).current;

  useEffect(() => {
    if (pending.current === null) return;
    const timer = setTimeout(() => {
      if (pending.current !== null) saveValue(pending.current);
    }, delay);
    return () => clearTimeout(timer);
  }, [text, delay, saveValue]);

  const closingRef = useRef(saveAsPageCloses);
  closingRef.current = saveAsPageCloses;
  useEffect(() => {
    const saveNow = () => {
      if (pending.current !== null) saveValue(pending.current);
    };
    const saveIfHidden = () => {
      if (document.visibilityState === 'hidden') saveNow();
    };
    const handOver = () => {
      if (pending.current === null) return;
      if (closingRef.current) closingRef.current(pending.current, base.current, saves.current.writing);
      else saveValue(pending.current);
    };
    window.addEventListener('pagehide', handOver);
    document.addEventListener('visibilitychange', saveIfHidden);
    return () => {
      window.removeEventListener('pagehide', handOver);
      document.removeEventListener('visibilitychange', saveIfHidden);
      saveNow();
    };
  }, [saveValue]);

  return {
    text,
    state,
    failure,
    edit(value: string) {
      pending.current = value;
      setText(value);
      setState('editing');
    },
  };
}
