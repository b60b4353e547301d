// zod/mini: this module is all the popup loads before its first paint.
import { z } from 'zod/mini';

const MAX_RESULTS = 50;
const partsSchema = z
  .array(z.object({ text: z.string().check(z.maxLength(5_000)), marked: z.boolean() }))
  .check(z.maxLength(500));

/**
 * What the popup showed for its last search, kept with the restored query so that reopening the
 * popup can paint it before React has loaded: the search box, the filters' choices, the count and
 * the results as text and highlighted parts.
 */
export const firstPaintSchema = z.object({
  query: z.string().check(z.maxLength(500)),
  placeholder: z.string().check(z.maxLength(200)),
  topicChoice: z.string().check(z.maxLength(200)),
  tagChoice: z.string().check(z.maxLength(200)),
  count: z.string().check(z.maxLength(100)),
  results: z
    .array(z.object({ title: partsSchema, topic: z.string().check(z.maxLength(2_000)), summary: partsSchema }))
    .check(z.maxLength(MAX_RESULTS)),
});
export type FirstPaint = z.infer<typeof firstPaintSchema>;
export type HighlightedParts = FirstPaint['results'][number]['title'];

/**
 * The popup's first frame, in plain DOM: the same elements, classes and text as the React popup's
 * search box, filters, count and results (a unit test compares them), so that the app taking over
 * changes nothing on screen. It is a picture: inert and hidden from assistive technology until the
 * live popup replaces it. Text only ever goes in as text.
 */
export function renderFirstPaint(doc: Document, picture: FirstPaint): HTMLElement {
  const make = <K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string) => {
    const element = doc.createElement(tag);
    if (className) element.className = className;
    if (text !== undefined) element.textContent = text;
    return element;
  };
  const highlighted = (into: HTMLElement, parts: HighlightedParts) => {
    for (const part of parts) into.append(part.marked ? make('mark', undefined, part.text) : part.text);
    return into;
  };

  const root = make('div', 'popup');
  root.dataset.firstPaint = '';
  root.setAttribute('aria-hidden', 'true');
  root.setAttribute('inert', '');

  const input = make('input', 'search-input');
  input.type = 'text';
  input.placeholder = picture.placeholder;
  input.value = picture.query;

  const filters = make('div', 'search-filters');
  for (const [label, choice] of [
    ['Topic', picture.topicChoice],
    ['Tag', picture.tagChoice],
  ] as const) {
    const select = make('select');
    select.append(make('option', undefined, choice));
    const wrapper = make('label', undefined, `${label} `);
    wrapper.append(select);
    filters.append(wrapper);
  }

  const list = make('div', 'search-results');
  picture.results.forEach((result, index) => {
    const option = make('div');
    option.setAttribute('role', 'option');
    option.setAttribute('aria-selected', String(index === 0));
    option.className = 'search-result'; // after the ARIA attributes, in React's order
    option.append(
      highlighted(make('span', 'result-title'), result.title),
      make('span', 'result-topic', result.topic),
      highlighted(make('span', 'result-summary'), result.summary),
    );
    list.append(option);
  });

  root.append(input, filters, make('p', 'result-count', picture.count), list);
  return root;
}
