import type { Article } from '@/lib/corpus/article';
import { getArticleLink } from '@/lib/corpus/catalog';

interface ResultActionsProps {
  article: Article;
  saved: boolean;
  onOpen: () => void;
  onSidePanel: () => void;
  onToggleSaved: () => void;
}

/**
 * The buttons for the highlighted result, each with its key: shown, and given as `aria-keyshortcuts`
 * rather than in the name (the shown <kbd> is aria-hidden), so the names are the issues' words ("Open in side panel", "Save").
 */
export function ResultActions({ article, saved, onOpen, onSidePanel, onToggleSaved }: ResultActionsProps) {
  const openLabel = getArticleLink(article).isSearch ? 'Find on webcoderspeed.com' : 'Open article';
  return (
    <section className="popup-actions" aria-label="Actions for the highlighted result">
      <button type="button" className="button" aria-keyshortcuts="Enter" onClick={onOpen}>
        {openLabel}{' '}
        {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: a <kbd> is no Tab stop; its key is the aria-keyshortcuts */}
        <kbd aria-hidden="true">Enter</kbd>
      </button>
      <button type="button" className="button secondary" aria-keyshortcuts="Shift+Enter" onClick={onSidePanel}>
        Open in side panel{' '}
        {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: a <kbd> is no Tab stop; its key is the aria-keyshortcuts */}
        <kbd aria-hidden="true">Shift+Enter</kbd>
      </button>
      <button
        type="button"
        className="button secondary"
        aria-pressed={saved}
        aria-keyshortcuts="Alt+S"
        onClick={onToggleSaved}
      >
        {saved ? 'Saved' : 'Save'}{' '}
        {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: a <kbd> is no Tab stop; its key is the aria-keyshortcuts */}
        <kbd aria-hidden="true">Alt+S</kbd>
      </button>
    </section>
  );
}
