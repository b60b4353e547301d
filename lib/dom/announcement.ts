/**
 * A live region is announced when its text changes: the same words set again (a second highlight,
 * a second copy) change nothing, and a screen reader says nothing. So a message equal to the one
 * shown gets a trailing no-break space, or loses it: the text changes, the words read do not.
 */
const MARK = '\u00a0';

/** The text to show for `next` after `previous`: `next` itself, unless that is what is shown already. */
export function freshAnnouncement(previous: string | null, next: string): string {
  if (previous === null) return next;
  const marked = previous.endsWith(MARK);
  const shown = marked ? previous.slice(0, -1) : previous;
  if (shown !== next) return next;
  return marked ? next : next + MARK;
}
