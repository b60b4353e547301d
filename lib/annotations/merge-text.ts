import { isSecondHalfOfPair } from '@/lib/search/code-points';

/** Where an edit changed a text: `base[start, end)` became `inserted`. */
interface TextEdit {
  start: number;
  end: number;
  inserted: string;
}

/** The one span in which `edited` differs from `base`: their common start and end left out. */
function editOf(base: string, edited: string): TextEdit {
  const most = Math.min(base.length, edited.length);
  let start = 0;
  while (start < most && base[start] === edited[start]) start++;
  // Where both halves of an emoji's pair are not in common, the edit takes the whole character.
  if (isSecondHalfOfPair(base, start) || isSecondHalfOfPair(edited, start)) start--;
  let tail = 0;
  while (tail < most - start && base[base.length - 1 - tail] === edited[edited.length - 1 - tail]) tail++;
  if (tail > 0 && (isSecondHalfOfPair(base, base.length - tail) || isSecondHalfOfPair(edited, edited.length - tail)))
    tail--;
  return { start, end: base.length - tail, inserted: edited.slice(start, edited.length - tail) };
}

/**
 * Two edits of one text made apart (a note typed in two windows at once), joined: both kept where
 * they touch different places; typed at the same place, the other's first, then this one's; where
 * they change the same words, the other's text, and this one's words after it (a deletion may be
 * undone; nothing typed is lost). `mine` and `theirs` both began as `base`.
 */
export function mergeTextEdits(base: string, mine: string, theirs: string): string {
  if (mine === base || mine === theirs) return theirs;
  if (theirs === base) return mine;
  const own = editOf(base, mine);
  const other = editOf(base, theirs);
  const apart = own.end <= other.start || other.end <= own.start;
  const samePlace = own.start === own.end && other.start === other.end && own.start === other.start;
  if (apart && !samePlace) {
    const [first, second] = own.start < other.start ? [own, other] : [other, own];
    return (
      base.slice(0, first.start) +
      first.inserted +
      base.slice(first.end, second.start) +
      second.inserted +
      base.slice(second.end)
    );
  }
  // The same place: after the other's text, this one's, so that neither is lost, with a space between
  // unless one is there already or this one starts with punctuation (QA pass: two comments typed at once
  // into an empty box read "from Cfrom A"; review: ", eggs" must not become " , eggs").
  const otherEnd = other.start + other.inserted.length;
  const joiner = /\s$/.test(theirs.slice(0, otherEnd)) || /^[\s.,;:!?)\]}]/.test(own.inserted) ? '' : ' ';
  return theirs.slice(0, otherEnd) + joiner + own.inserted + theirs.slice(otherEnd);
}

/**
 * Whether `stored` holds the save `underWay` made of `base`, and another edit since, apart from the
 * words that save wrote: had it not landed, what differs from it would take in those words. A save
 * that only deleted is apart only strictly (an insertion where it deleted could be its words back).
 */
function landedBefore(base: string, underWay: string, stored: string): boolean {
  const own = editOf(base, underWay);
  const since = editOf(underWay, stored);
  const from = own.start;
  const to = own.start + own.inserted.length;
  return from === to ? since.end < from || since.start > to : since.end <= from || since.start >= to;
}

/**
 * What a save of `edited` writes over `stored`: `edited` when the edit began from what is stored
 * (or from nothing said), else the two edits joined (`mergeTextEdits`). `underWay`: a save of the
 * same edit that may or may not have landed (a page closed as it wrote): landed, it is the base, whether
 * or not another window edited since (review: "abc" landed, then " theirs" from another window, joined
 * from the text before "abc" read "abc theirs abcd").
 */
export function joinSavedEdit(stored: string, edited: string, base: string | undefined, underWay?: string): string {
  if (base === undefined || stored === base || stored === underWay) return edited;
  const from = underWay !== undefined && underWay !== base && landedBefore(base, underWay, stored) ? underWay : base;
  return mergeTextEdits(from, edited, stored);
}
