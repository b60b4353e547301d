import { type ReactNode, useRef } from 'react';
import { ItemAnnotations } from '@/components/annotations/item-annotations';
import { useReaderHighlights } from '@/components/hooks/use-reader-highlights';
import '@/components/annotations/annotations.css';

interface AnnotatedReaderProps {
  itemId: string;
  /** Changes when the copy's HTML is replaced (its marks are gone then and are drawn again). */
  contentKey: unknown;
  children: ReactNode;
}

/**
 * The reader with the user's highlights: drawn in the text, made from a selection (the Highlight
 * button next to it, or `h`), and listed with the item's tags and note after the article.
 */
export function AnnotatedReader({ itemId, contentKey, children }: AnnotatedReaderProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const { notFound, selectionRect, message, highlightSelection, show } = useReaderHighlights(
    containerRef,
    itemId,
    contentKey,
  );
  return (
    <div ref={containerRef} className="annotated-reader">
      {children}
      {selectionRect && (
        <button
          type="button"
          className="button highlight-button"
          style={{ top: selectionRect.bottom + 6, left: Math.max(4, selectionRect.left) }}
          // Keeps the selection: a press on the button would otherwise collapse it first.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => void highlightSelection()}
        >
          Highlight
        </button>
      )}
      <p className="visually-hidden" role="status">
        {message ?? ''}
      </p>
      <aside className="reader-annotations" aria-label="Your annotations on this page">
        <ItemAnnotations itemId={itemId} notFound={notFound} onShowHighlight={show} />
      </aside>
    </div>
  );
}
