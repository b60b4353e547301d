import { useLayoutEffect, useRef, useState } from 'react';
import type { Message } from '@/components/hooks/use-import';
import type { Article } from '@/lib/corpus/article';
import { saveArticle } from '@/lib/db/items';
import { describeSavedToggle } from '@/lib/popup/popup-results';

/**
 * Saving an article from its card: said as the popup says it (the controls that replace the button
 * say nothing by themselves), and the focus taken to Unsave, where the button was: the browser
 * drops it with the button. A layout effect, so it runs before the page's focus rescue.
 */
export function useCardSave(article: Article, saved: boolean) {
  const [said, setSaid] = useState<{ about: string; message: Message } | null>(null);
  const unsaveRef = useRef<HTMLButtonElement>(null);
  const focusUnsave = useRef(false);
  useLayoutEffect(() => {
    if (!saved || !focusUnsave.current) return;
    focusUnsave.current = false;
    unsaveRef.current?.focus();
  }, [saved]);
  return {
    // Another card shown since (the controls stay mounted) does not say what was done on this one.
    message: said?.about === article.id ? said.message : null,
    unsaveRef,
    save() {
      focusUnsave.current = true;
      saveArticle(article).then(
        () =>
          setSaid({ about: article.id, message: { kind: 'ok', text: describeSavedToggle(article.title, false).text } }),
        (error: unknown) => {
          focusUnsave.current = false;
          // Left unhandled: the page's failure alert says why (a full disk, say), as before.
          throw error;
        },
      );
    },
    /** Undo of Unsave saves it again: the focus goes to Unsave then, as after a save. */
    focusUnsaveOnceSaved() {
      focusUnsave.current = true;
    },
    forgetFocusUnsave() {
      focusUnsave.current = false;
    },
    clear: () => setSaid(null),
  };
}
