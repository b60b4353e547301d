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
  /** Unsave gets the focus once `saving` (a save, or an Undo of Unsave) saved the article; not if it did not. */
  const focusUnsaveOnceSaved = (saving: Promise<boolean>) => {
    focusUnsave.current = true;
    const forget = () => {
      focusUnsave.current = false;
    };
    saving.then((savedNow) => savedNow || forget(), forget);
  };
  return {
    // Another card shown since (the controls stay mounted) does not say what was done on this one.
    message: said?.about === article.id ? said.message : null,
    unsaveRef,
    save() {
      const saving = saveArticle(article);
      focusUnsaveOnceSaved(saving.then(() => true));
      // A failure is left unhandled: the page's failure alert says why (a full disk, say), as before.
      void saving.then(() =>
        setSaid({ about: article.id, message: { kind: 'ok', text: describeSavedToggle(article.title, false).text } }),
      );
    },
    focusUnsaveOnceSaved,
    clear: () => setSaid(null),
  };
}
