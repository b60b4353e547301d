import { type ReactNode, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { ItemAnnotations } from '@/components/annotations/item-annotations';
import { useReaderHighlights } from '@/components/hooks/use-reader-highlights';
import { blockAt, tabsToButton } from '@/lib/annotations/highlight-button-focus';
import { type Box, placeHighlightButton } from '@/lib/annotations/highlight-button-place';
import { focusElement } from '@/lib/dom/focus-rescue';
import '@/components/annotations/annotations.css';

/** Where the user's tags, note and highlights are, after the text (the reader's toolbar goes there). */
export const READER_ANNOTATIONS_ID = 'reader-annotations';

interface AnnotatedReaderProps {
  itemId: string;
  /** Changes when the copy's HTML is replaced (its marks are gone then and are drawn again). */
  contentKey: unknown;
  /** The bundled article's topic tags, offered when adding a tag. */
  topicTags?: readonly string[];
  children: ReactNode;
}

/**
 * The reader with the user's highlights: drawn in the text, made from a selection (the Highlight
 * button next to it, or `h`), and listed with the item's tags and note after the article.
 */
export function AnnotatedReader({ itemId, contentKey, topicTags, children }: AnnotatedReaderProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const { notFound, selectionRect, message, highlightSelection, show } = useReaderHighlights(
    containerRef,
    itemId,
    contentKey,
  );
  const shown = selectionRect !== null;
  // Measured once drawn (before it is painted): a guess first, so the first frame is already in view.
  const [buttonSize, setButtonSize] = useState<Box>({ width: 110, height: 32 });
  useLayoutEffect(() => {
    const button = buttonRef.current;
    if (shown && button) setButtonSize({ width: button.offsetWidth, height: button.offsetHeight });
  }, [shown]);
  useEffect(() => {
    if (!shown) return;
    // The button is drawn after the article: Tab from the selection goes to it, as it looks.
    const onKey = (event: KeyboardEvent) => {
      if (!tabsToButton(event, buttonRef.current)) return;
      event.preventDefault();
      buttonRef.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [shown]);
  const press = () => {
    const body = containerRef.current?.querySelector('.reader-body');
    const selection = document.getSelection();
    const block = body && selection?.rangeCount ? blockAt(selection.getRangeAt(0), body) : null;
    void highlightSelection();
    // Highlighted, the selection is gone and the button goes with it: the focus goes back to the text.
    if (block && document.getSelection()?.rangeCount === 0) focusElement(block);
  };
  return (
    <div ref={containerRef} className="annotated-reader">
      {children}
      {selectionRect && (
        <button
          ref={buttonRef}
          type="button"
          className="button highlight-button"
          aria-keyshortcuts="h"
          style={placeHighlightButton(selectionRect, buttonSize, viewportWithoutScrollbars())}
          // Keeps the selection: a press on the button would otherwise collapse it first.
          onMouseDown={(event) => event.preventDefault()}
          onClick={press}
        >
          Highlight{' '}
          {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: a <kbd> is no Tab stop; its key is the aria-keyshortcuts */}
          <kbd aria-hidden="true">h</kbd>
        </button>
      )}
      <p className="visually-hidden" role="status">
        {message ?? ''}
      </p>
      <aside id={READER_ANNOTATIONS_ID} className="reader-annotations" aria-label="Your annotations on this page">
        <ItemAnnotations itemId={itemId} topicTags={topicTags} notFound={notFound} onShowHighlight={show} />
      </aside>
    </div>
  );
}

/** The viewport without its scrollbars, where the button may sit (not under one: review); the window's where unknown. */
function viewportWithoutScrollbars() {
  const { clientWidth, clientHeight } = document.documentElement;
  return { width: clientWidth || innerWidth, height: clientHeight || innerHeight };
}
