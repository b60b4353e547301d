import { anchor } from '@/lib/annotations/anchor';
import { type HighlightHandle, highlightRange, removeHighlights } from '@/lib/annotations/highlight-marks';
import type { SelectorSet } from '@/lib/annotations/selectors';
import { createTextModel } from '@/lib/annotations/text-model';
import type { HighlightColor } from '@/lib/db/schema';

/** What painting needs of a stored highlight. */
export interface PaintableHighlight {
  id: string;
  selectors: SelectorSet;
  color: HighlightColor;
}

/** The colors a highlight can have, as backgrounds readable in light, dark and sepia themes. */
export const HIGHLIGHT_BACKGROUNDS: Record<HighlightColor, string> = {
  yellow: 'rgba(255, 212, 0, 0.4)',
  green: 'rgba(60, 200, 90, 0.35)',
  blue: 'rgba(70, 150, 255, 0.35)',
  pink: 'rgba(255, 90, 170, 0.35)',
};

export interface PaintedHighlights {
  /** The highlights drawn, by id, with their marks (scroll to the first to show one). */
  readonly drawn: ReadonlyMap<string, HighlightHandle>;
  /** Highlights that could not be anchored in this text: kept, and listed as "not found". */
  readonly notFound: ReadonlySet<string>;
  /** Takes every mark away again, giving back the DOM as it was. */
  clear(): void;
}

/**
 * Anchors each highlight in the root's text and draws it as marks. A highlight that cannot be
 * anchored (its text was removed, or is now ambiguous) is reported, never drawn somewhere else.
 */
export function paintHighlights(
  root: Element,
  highlights: readonly PaintableHighlight[],
  { className = 'shelf-highlight', withIds = true }: { className?: string; withIds?: boolean } = {},
): PaintedHighlights {
  const drawn = new Map<string, HighlightHandle>();
  const notFound = new Set<string>();
  // One model for all: marks leave its text as it was, and its ranges follow the text nodes they
  // split. A model per highlight read the whole copy again for each one (npm run bench -- --only highlights).
  const model = createTextModel(root);
  for (const highlight of highlights) {
    const found = anchor(root, highlight.selectors, model);
    if (found.status !== 'found') {
      notFound.add(highlight.id);
      continue;
    }
    const handle = highlightRange(found.range, {
      id: highlight.id,
      className,
      ownerDocument: root.ownerDocument,
      color: HIGHLIGHT_BACKGROUNDS[highlight.color],
      withId: withIds,
    });
    if (handle.marks.length === 0) notFound.add(highlight.id);
    else drawn.set(highlight.id, handle);
  }
  return {
    drawn,
    notFound,
    clear() {
      // Newest first, so each mark is unwrapped from the element it was drawn in.
      removeHighlights([...drawn.values()].reverse());
    },
  };
}
