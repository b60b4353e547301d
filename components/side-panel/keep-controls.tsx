import { ItemAnnotations } from '@/components/annotations/item-annotations';
import { NoteAfterRemoval } from '@/components/annotations/note-after-removal';
import { useArticleState } from '@/components/hooks/use-article-state';
import { useCardSave } from '@/components/hooks/use-card-save';
import { type UndoState, useUndo } from '@/components/hooks/use-undoable-actions';
import { MessageLine } from '@/components/message-line';
import { UndoBar } from '@/components/undo-bar';
import type { Article } from '@/lib/corpus/article';
import { articleItemId } from '@/lib/db/ids';
import { setStatus } from '@/lib/db/items';
import { ITEM_STATUSES, type ItemStatus } from '@/lib/db/schema';
import { unsaveOfferingUndo } from '@/lib/reading-list/saved-state';

interface KeepControlsProps {
  article: Article;
  onRead: (itemId: string) => void;
  /** The undo of the last Unsave, kept above the card so that a look elsewhere does not drop it. */
  undo?: UndoState;
}

/**
 * Save, or for a saved article: its status, progress, its readable copy, and Unsave (with Undo).
 * Reads the database: rendered only once it has opened (inside a StorageGate).
 */
export function KeepControls({ article, onRead, undo: kept }: KeepControlsProps) {
  const state = useArticleState(article.id);
  const own = useUndo();
  const { undo, offer: setUndo, runUndo } = kept ?? own;
  const item = state?.item;
  const percent = state?.progress ? Math.round(state.progress.fraction * 100) : 0;
  const saving = useCardSave(article, item !== undefined);
  const unsave = async (id: string) => {
    saving.clear();
    await unsaveOfferingUndo([id], (undo) =>
      setUndo({
        message: 'Unsaved; your reading position is kept.',
        undoneMessage: 'Undone: Saved again.',
        undo,
        about: article.id,
      }),
    );
  };
  return (
    <>
      <section className="keep-controls" aria-label="Reading list">
        {item ? (
          <>
            {state.hasCopy && (
              <button type="button" className="button" onClick={() => onRead(item.id)}>
                Read saved copy
              </button>
            )}
            <label>
              Status{' '}
              <select value={item.status} onChange={(e) => void setStatus([item.id], e.target.value as ItemStatus)}>
                {ITEM_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {status}
                  </option>
                ))}
              </select>
            </label>
            <progress max={100} value={percent} aria-label={`${percent}% read`} /> <span>{percent}% read</span>
            <button
              ref={saving.unsaveRef}
              type="button"
              className="button secondary"
              onClick={() => void unsave(item.id)}
            >
              Unsave
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button"
            disabled={state === undefined}
            onClick={() => {
              setUndo(null);
              saving.save();
            }}
          >
            Save to reading list
          </button>
        )}
        <MessageLine message={saving.message} />
        {/* Another card shown since is not the one unsaved: its Undo waits for that card. Once undone, the
            line stays to say so (QA pass: the item back, it went, and nothing was said). */}
        <UndoBar
          undo={undo?.about === article.id && (!item || undo.undone) ? undo : null}
          onUndo={() => saving.focusUnsaveOnceSaved(runUndo())}
        />
      </section>
      {item ? (
        <ItemAnnotations itemId={item.id} topicTags={article.tags} />
      ) : (
        <NoteAfterRemoval itemId={articleItemId(article.id)} />
      )}
    </>
  );
}
