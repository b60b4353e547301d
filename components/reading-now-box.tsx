interface ReadingNowBoxProps {
  title: string;
  status: 'idle' | 'opening' | 'open-failed';
  /** The saved position to offer, as a percentage, when there is one worth resuming. */
  resumePercent: number | null;
  related: ReadonlyArray<{ id: string; title: string }>;
  onShowCard: () => void;
  onShowRelated: (articleId: string) => void;
  onResume: () => void;
  onDismiss: () => void;
}

/** The small box the content script shows on the blog's own article pages (inside a shadow root). */
export function ReadingNowBox({
  title,
  status,
  resumePercent,
  related,
  onShowCard,
  onShowRelated,
  onResume,
  onDismiss,
}: ReadingNowBoxProps) {
  return (
    <aside className="shelf-box" aria-label="Shelf">
      <div className="shelf-box-header">
        <span className="shelf-box-brand">Shelf</span>
        <button type="button" className="shelf-box-close" aria-label="Dismiss Shelf box" onClick={onDismiss}>
          ×
        </button>
      </div>
      <p className="shelf-box-label">You’re reading</p>
      <p className="shelf-box-title">{title}</p>
      <div className="shelf-box-actions">
        {resumePercent !== null && (
          <button type="button" className="shelf-box-action" onClick={onResume}>
            Resume where you left off ({resumePercent}%)
          </button>
        )}
        <button
          type="button"
          className={resumePercent !== null ? 'shelf-box-action secondary' : 'shelf-box-action'}
          onClick={onShowCard}
          disabled={status === 'opening'}
        >
          Show card in Shelf
        </button>
      </div>
      {related.length > 0 && (
        <section className="shelf-box-related" aria-label="Related articles">
          <p className="shelf-box-label">Related articles</p>
          <ul>
            {related.map((article) => (
              <li key={article.id}>
                <button type="button" className="shelf-box-link" onClick={() => onShowRelated(article.id)}>
                  {article.title}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {status === 'open-failed' && (
        <p className="shelf-box-hint" role="status">
          Open Shelf’s side panel from the toolbar to see the card.
        </p>
      )}
    </aside>
  );
}
