import { renderResultRows } from '@/components/result-rows';
import { element } from '@/lib/dom/element';
import type { FirstPaint } from '@/lib/popup/first-paint';

/**
 * The popup's first frame, in plain DOM: the search box, filters and count as the React popup
 * draws them (a unit test compares them), and the result rows drawn by the live list's own
 * renderer, which the app adopts when it takes over. It is a picture until then: inert and
 * hidden from assistive technology. Text only ever goes in as text.
 */
export function renderFirstPaint(doc: Document, picture: FirstPaint): HTMLElement {
  const root = element(doc, 'div', {
    className: 'popup',
    attrs: { 'data-first-paint': '', 'aria-hidden': 'true', inert: '' },
  });

  const input = element(doc, 'input', { className: 'search-input', attrs: { type: 'text' } });
  input.placeholder = picture.placeholder;
  input.value = picture.query;

  const filters = element(doc, 'div', { className: 'search-filters' });
  for (const [label, choice] of [
    ['Topic', picture.topicChoice],
    ['Tag', picture.tagChoice],
  ] as const) {
    const select = element(doc, 'select');
    select.append(element(doc, 'option', { text: choice }));
    const wrapper = element(doc, 'label', { text: `${label} ` });
    wrapper.append(select);
    filters.append(wrapper);
  }

  const list = element(doc, 'div', { className: 'search-results' });
  renderResultRows(list, picture.results, -1); // none chosen yet, as the app has it
  root.append(input, filters, element(doc, 'p', { className: 'result-count', text: picture.count }), list);
  return root;
}

/**
 * Paints the picture before the app's root while the app has not mounted. A picture this version
 * cannot draw (read without Zod, not written by it) paints nothing: the app checks it and draws the
 * results itself.
 */
export function paintBeforeApp(doc: Document, picture: FirstPaint): void {
  const root = doc.getElementById('root');
  if (!root || root.hasChildNodes()) return;
  try {
    root.before(renderFirstPaint(doc, picture));
  } catch {
    // Nothing was inserted: the picture is put in only once drawn whole.
  }
}

/** The picture's rows, for the live list to adopt: the element and the rows it shows. */
export function findPaintedRows(doc: Document, picture: FirstPaint | null | undefined) {
  const list = doc.querySelector<HTMLElement>('[data-first-paint] .search-results');
  return list && picture ? { list, rows: picture.results } : undefined;
}
