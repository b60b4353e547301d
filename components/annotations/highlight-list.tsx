import { NoteEditor } from '@/components/annotations/note-editor';
import { useHighlightRemoval } from '@/components/hooks/use-highlight-removal';
import { UndoBar } from '@/components/undo-bar';
import { highlightNames } from '@/lib/annotations/highlight-names';
import { setHighlightNote, updateHighlight } from '@/lib/db/highlights';
import { HIGHLIGHT_COLORS, type Highlight, type HighlightColor } from '@/lib/db/schema';

interface HighlightListProps {
  highlights: readonly Highlight[];
  /**
   * Ids of highlights that could not be found in the text shown; undefined where no text is shown
   * (the card), which then lists those the article's web page did not show when last opened.
   */
  notFound?: ReadonlySet<string>;
  /** Scrolls to a highlight in the text shown (absent where no text is shown). */
  onShow?: (id: string) => void;
}

/** An item's highlights, each with its note, its colour, a way to show it in the text, and Remove (with Undo). */
export function HighlightList({ highlights, notFound, onShow }: HighlightListProps) {
  const removal = useHighlightRemoval();
  return (
    <>
      {highlights.length > 0 && (
        <Highlights
          highlights={highlights}
          notFound={notFound}
          onShow={onShow}
          onRemove={removal.remove}
          entryRef={removal.entryRef}
        />
      )}
      <UndoBar undo={removal.undo} onUndo={() => void removal.runUndo()} />
    </>
  );
}

function Highlights({
  highlights,
  notFound,
  onShow,
  onRemove,
  entryRef,
}: HighlightListProps & {
  onRemove: (id: string, quote: string) => Promise<void>;
  entryRef: (id: string) => (entry: HTMLElement | null) => void;
}) {
  const names = highlightNames(highlights.map(({ id, selectors }) => ({ id, quote: selectors.quote.exact })));
  return (
    <section aria-labelledby="highlights-heading" className="highlight-list">
      <h3 id="highlights-heading">Highlights</h3>
      <ul aria-labelledby="highlights-heading">
        {highlights.map((highlight) => {
          const quote = highlight.selectors.quote.exact;
          const { short, place } = names.get(highlight.id) ?? { short: '', place: '' };
          const missing = notFound ? notFound.has(highlight.id) : highlight.pageAnchor === 'not-found';
          // In the reader (the copy): one the site's own page did not show when last opened there.
          const lostOnline = notFound !== undefined && !missing && highlight.pageAnchor === 'not-found';
          return (
            <li
              key={highlight.id}
              ref={entryRef(highlight.id)}
              className={`highlight-entry highlight-${highlight.color}`}
            >
              {onShow && !missing ? (
                <button
                  type="button"
                  className="link-button highlight-quote"
                  dir="auto"
                  // The same words highlighted twice: their place tells the two apart, as for Remove.
                  aria-label={place ? `${quote}${place}` : undefined}
                  onClick={() => onShow(highlight.id)}
                >
                  {quote}
                </button>
              ) : (
                <blockquote className="highlight-quote" dir="auto">
                  {quote}
                </blockquote>
              )}
              {/* Issue #16's words, as a test types them; shown with a capital (CSS ::first-letter). */}
              {missing && <p className="notice small highlight-not-found">not found on this page</p>}
              {lostOnline && (
                <p className="notice small highlight-not-found">not found on the original page when last opened</p>
              )}
              <NoteEditor
                label={`Comment on “${short}”${place}`}
                placeholder="Add a comment…"
                note={highlight.note}
                rows={2}
                onSave={(note, base) => setHighlightNote(highlight.id, note, { base })}
                of={{ target: 'highlight', id: highlight.id }}
              />
              <select
                aria-label={`Colour of “${short}”${place}`}
                value={highlight.color}
                onChange={(event) =>
                  void updateHighlight(highlight.id, { color: event.target.value as HighlightColor })
                }
              >
                {HIGHLIGHT_COLORS.map((color) => (
                  <option key={color} value={color}>
                    {color[0]?.toUpperCase()}
                    {color.slice(1)}
                  </option>
                ))}
              </select>{' '}
              <button
                type="button"
                className="button secondary"
                aria-label={`Remove highlight “${short}”${place}`}
                onClick={() => void onRemove(highlight.id, short)}
              >
                Remove
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
