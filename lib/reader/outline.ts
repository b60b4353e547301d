/**
 * The outline of a page in the reader: its section headings, and which section the reader is in.
 * Takes the rendered article as an argument, so it runs against any DOM.
 */

/** A page gets an outline from this many sections on: a short page needs none. */
export const MIN_OUTLINE_SECTIONS = 3;

export interface OutlineEntry {
  heading: HTMLElement;
  text: string;
  /** 2 for a section, 3 for a subsection. */
  level: number;
}

/** The section headings (h2, h3) of `body` that have text, in order; empty for a short page. */
export function findOutline(body: ParentNode): OutlineEntry[] {
  const entries = [...body.querySelectorAll<HTMLElement>('h2, h3')].flatMap((heading) => {
    const text = (heading.textContent ?? '').replace(/\s+/g, ' ').trim();
    return text ? [{ heading, text: text.slice(0, 200), level: Number(heading.tagName[1]) }] : [];
  });
  return entries.length >= MIN_OUTLINE_SECTIONS ? entries : [];
}

/**
 * The section being read: the last heading whose top has passed `line` pixels from the top of the
 * viewport (the sticky toolbar's bottom, say). -1 before the first section.
 */
export function findCurrentSection(headingTops: readonly number[], line: number): number {
  let current = -1;
  headingTops.forEach((top, index) => {
    if (top <= line) current = index;
  });
  return current;
}
