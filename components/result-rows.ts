import { element } from '@/lib/dom/element';
import { HIT_KIND_LABELS } from '@/lib/search/hit-kinds';
import type { HighlightedParts, ResultRow } from '@/lib/search/result-row';

/**
 * The result list's rows, in plain DOM: the one renderer of the popup's and the side panel's
 * results, and of the popup's first paint, which the live list then adopts instead of painting
 * the same rows again. A list holds only its rows; a render replaces the rows that changed.
 * Text only ever goes in as text.
 */

/** The rows each list shows, so that a render replaces only the rows that changed. */
const rendered = new WeakMap<HTMLElement, readonly ResultRow[]>();

export function getResultOptionId(listId: string, index: number): string {
  return `${listId}-option-${index}`;
}

function highlighted(doc: Document, className: string, parts: HighlightedParts): HTMLElement {
  // A title or snippet in Hebrew or Arabic reads in its own direction (QA pass: its words ran backwards).
  const span = element(doc, 'span', { className, attrs: { dir: 'auto' } });
  for (const part of parts) span.append(part.marked ? element(doc, 'mark', { text: part.text }) : part.text);
  return span;
}

function renderRow(doc: Document, row: ResultRow): HTMLElement {
  const option = element(doc, 'div', {
    attrs: { role: 'option', 'aria-selected': 'false', class: `search-result search-result-${row.kind}` },
  });
  const topic = element(doc, 'span', { className: 'result-topic' });
  topic.append(element(doc, 'span', { className: 'result-kind', text: HIT_KIND_LABELS[row.kind] }), ` · ${row.topic}`);
  // Set off as the other parts are: read as one line, a page's "BBC News 1 highlight" ran the count into the site.
  if (row.badge) topic.append(' · ', element(doc, 'span', { className: 'saved-badge', text: row.badge }));
  if (row.reasons) topic.append(element(doc, 'span', { className: 'result-reasons', text: ` · ${row.reasons}` }));
  option.append(highlighted(doc, 'result-title', row.title), topic);
  if (row.summary) {
    const className = row.kind === 'page' ? 'result-summary result-snippet' : 'result-summary';
    option.append(highlighted(doc, className, row.summary));
  }
  return option;
}

const sameParts = (a: HighlightedParts | null, b: HighlightedParts | null) =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.length === b.length &&
    a.every((part, index) => part.text === b[index]?.text && part.marked === b[index]?.marked));

/** Field by field: rows read back from storage are equal objects, not the same ones. */
const sameRow = (a: ResultRow | undefined, b: ResultRow) =>
  a !== undefined &&
  a.kind === b.kind &&
  a.topic === b.topic &&
  a.badge === b.badge &&
  a.reasons === b.reasons &&
  sameParts(a.title, b.title) &&
  sameParts(a.summary, b.summary);

/**
 * Shows `rows` in `list` with the one at `activeIndex` selected (none when out of range). Rows
 * equal to the ones shown keep their elements. Options get ids from the list's id, for
 * aria-activedescendant.
 */
export function renderResultRows(list: HTMLElement, rows: readonly ResultRow[], activeIndex: number): void {
  const before = rendered.get(list) ?? [];
  const options = [...list.children];
  rows.forEach((row, index) => {
    const option = options[index];
    if (option && sameRow(before[index], row)) return;
    const fresh = renderRow(list.ownerDocument, row);
    if (option) option.replaceWith(fresh);
    else list.append(fresh);
  });
  for (const extra of options.slice(rows.length)) extra.remove();
  rendered.set(list, rows);
  [...list.children].forEach((option, index) => {
    if (list.id) option.id = getResultOptionId(list.id, index);
    option.setAttribute('aria-selected', String(index === activeIndex));
  });
}

/** Rows another script rendered (the popup's first paint) and the view they show. */
export interface PaintedRows {
  list: HTMLElement;
  rows: readonly ResultRow[];
}

/**
 * Moves rows painted before the app loaded into the app's `list`, so that the next render keeps
 * every row that is still the same instead of painting it again.
 */
export function adoptResultRows(list: HTMLElement, painted: PaintedRows): void {
  const moved = [...painted.list.children];
  list.replaceChildren(...moved);
  rendered.set(list, painted.rows.slice(0, moved.length));
}

/** The index of the row an event happened in, or -1. */
export function indexOfResultRow(list: HTMLElement, target: EventTarget | null): number {
  const option = target instanceof Element ? target.closest('[role="option"]') : null;
  return option?.parentElement === list ? [...list.children].indexOf(option) : -1;
}
