import type { Article } from '@/lib/corpus/article';
import { getArticleLink } from '@/lib/corpus/catalog';

interface ResultActionsProps {
  article: Article;
  saved: boolean;
  onOpen: () => void;
  onSidePanel: () => void;
  onToggleSaved: () => void;
}

/** The buttons for the highlighted result, each with its key. */
export function ResultActions({ article, saved, onOpen, onSidePanel, onToggleSaved }: ResultActionsProps) {
  return (
    <section className="popup-actions" aria-label="Actions for the highlighted result">
      <button type="button" className="button" onClick={onOpen}>
        {getArticleLink(article).isSearch ? 'Find on webcoderspeed.com' : 'Open article'} <kbd>Enter</kbd>
      </button>
      <button type="button" className="button secondary" onClick={onSidePanel}>
        Open in side panel <kbd>Shift+Enter</kbd>
      </button>
      <button type="button" className="button secondary" aria-pressed={saved} onClick={onToggleSaved}>
        {saved ? 'Saved' : 'Save'} <kbd>Alt+S</kbd>
      </button>
    </section>
  );
}
