import { useLiveQuery } from 'dexie-react-hooks';
import { type RefObject, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useAnnouncement } from '@/components/hooks/use-announcement';
import { type PaintableHighlight, type PaintedHighlights, paintHighlights } from '@/lib/annotations/paint-highlights';
import { describeSelection, highlightedMessage, isKeyForField, selectedRangeIn } from '@/lib/annotations/selection';
import { PLACE_IN_COPY_EVENT } from '@/lib/capture/reader-links';
import { CommentsTooLongToJoinError } from '@/lib/db/errors';
import { addHighlight, getHighlights } from '@/lib/db/highlights';
import type { Highlight } from '@/lib/db/schema';
import { focusElement } from '@/lib/dom/focus-rescue';
import { scrollBehavior } from '@/lib/dom/motion';
import { openDetailsAround } from '@/lib/dom/open-details';

const BODY_SELECTOR = '.reader-body';

/**
 * The reader's highlights: stored ones anchored and drawn in the copy's text (again whenever they
 * or the copy change), where the current selection is (for the Highlight button), the `h` key,
 * and which highlights were not found in this copy.
 */
export function useReaderHighlights(containerRef: RefObject<HTMLElement | null>, itemId: string, contentKey: unknown) {
  const highlights = useSameDrawing(useLiveQuery(() => getHighlights(itemId), [itemId]));
  const painted = useRef<PaintedHighlights | null>(null);
  const [notFound, setNotFound] = useState<ReadonlySet<string>>(new Set());
  const [selectionRect, setSelectionRect] = useState<DOMRect | null>(null);
  // Each highlight is announced, a second one too.
  const [message, setMessage] = useAnnouncement();
  const body = useCallback(() => containerRef.current?.querySelector(BODY_SELECTOR) ?? null, [containerRef]);

  // Runs again when `contentKey` changes: the copy's HTML was replaced, and its marks with it.
  // Layout effects, here and below: the `h` key works from the moment the copy is on screen, and
  // marks are drawn again in the same frame as a replaced copy or a changed highlight (on opening,
  // they still follow the highlights' own query, a moment after the text).
  useLayoutEffect(() => {
    const root = body();
    if (!root || !highlights) return;
    const result = paintHighlights(root, highlights);
    painted.current = result;
    setNotFound(result.notFound);
    return () => {
      result.clear();
      painted.current = null;
    };
  }, [highlights, contentKey, body]);

  const highlightSelection = useCallback(async () => {
    const root = body();
    if (!root) return;
    const selection = root.ownerDocument.getSelection();
    const described = describeSelection(root, selection);
    if (!described.ok) {
      setMessage(described.message);
      return;
    }
    selection?.removeAllRanges();
    setSelectionRect(null);
    const { selectors, quoteBlocks, joined } = described;
    let saved: Highlight | null;
    try {
      saved = await addHighlight(itemId, selectors, { quoteBlocks, joining: joined });
    } catch (error) {
      if (!(error instanceof CommentsTooLongToJoinError)) throw error;
      return setMessage(error.message);
    }
    // As stored: of the highlights the selection ran into, those it took the place of.
    const took = saved?.joinedFrom?.filter((id) => joined.includes(id)).length ?? 0;
    setMessage(saved ? highlightedMessage(took) : 'This page is no longer saved; the highlight was not kept.');
  }, [body, itemId, setMessage]);

  useLayoutEffect(() => {
    const doc = containerRef.current?.ownerDocument;
    if (!doc) return;
    const follow = () => {
      const root = body();
      const range = root ? selectedRangeIn(root, doc.getSelection()) : null;
      // jsdom (unit tests) has no layout and no Range.getBoundingClientRect.
      setSelectionRect(
        range && typeof range.getBoundingClientRect === 'function' ? range.getBoundingClientRect() : null,
      );
    };
    const onKey = (event: KeyboardEvent) => {
      // 'H' too: with Caps Lock on (or Shift) it did nothing and said nothing (QA pass).
      if ((event.key !== 'h' && event.key !== 'H') || isKeyForField(event)) return;
      const root = body();
      const selection = doc.getSelection();
      if (!root || !selectedRangeIn(root, selection)) {
        // Text of the reader outside the article (its title, its header) selected: h was meant for it,
        // and doing nothing said nothing (QA pass).
        const anchor = selection?.isCollapsed === false ? selection.anchorNode : null;
        if (anchor && containerRef.current?.contains(anchor)) setMessage('Select some text of the article first.');
        return;
      }
      event.preventDefault();
      void highlightSelection();
    };
    doc.addEventListener('selectionchange', follow);
    doc.addEventListener('scroll', follow, { capture: true, passive: true });
    doc.addEventListener('keydown', onKey);
    return () => {
      doc.removeEventListener('selectionchange', follow);
      doc.removeEventListener('scroll', follow, { capture: true });
      doc.removeEventListener('keydown', onKey);
    };
  }, [containerRef, body, highlightSelection, setMessage]);

  const show = useCallback(
    (id: string) => {
      const mark = painted.current?.drawn.get(id)?.marks[0];
      if (!mark) return;
      // One in a closed <details> (a FAQ's answer) was scrolled to unseen, and the focus could not go there.
      const root = body();
      if (root) openDetailsAround(mark, root);
      // A look at a highlight is a visit, as a footnote is: the reading position stays where the user
      // read to (QA pass: the click's scroll was taken for theirs, and recorded the highlight's place).
      mark.dispatchEvent(new Event(PLACE_IN_COPY_EVENT, { bubbles: true }));
      // The focus follows (it stayed on the list's button, off screen): a screen reader reads the
      // passage, and Tab goes on from there.
      focusElement(mark);
      mark.scrollIntoView({ block: 'center', behavior: scrollBehavior(mark.ownerDocument.defaultView) });
    },
    [body],
  );

  return { notFound, selectionRect, message, highlightSelection, show };
}

/**
 * The highlights as last given while what is drawn of them (which, where, what colour) is unchanged:
 * a comment saved or the live page's finding written gives the query a new list, and painting it
 * again would replace every mark and lose a selection being made in the text.
 */
function useSameDrawing(highlights: Highlight[] | undefined): PaintableHighlight[] | undefined {
  const key = highlights && JSON.stringify(highlights.map(({ id, selectors, color }) => [id, selectors, color]));
  // Made again only when the key (what is drawn of them) changes, by design.
  return useMemo(() => highlights?.map(({ id, selectors, color }) => ({ id, selectors, color })), [key]);
}
