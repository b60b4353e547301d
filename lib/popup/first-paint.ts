// zod/mini: this module is all the popup loads before its first paint.
import { z } from 'zod/mini';
import { element } from '@/lib/dom/element';
import { HIT_KIND_LABELS } from '@/lib/search/hit-kinds';

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
  const span = (className: string, parts: HighlightedParts) => {
    const into = element(doc, 'span', { className });
    for (const part of parts) into.append(part.marked ? element(doc, 'mark', { text: part.text }) : part.text);
    return into;
  };

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
  picture.results.forEach((result, index) => {
    // Attributes in React's order, so that the two render the same markup.
    // The pictured results are blog articles (saved pages join once the library is read).
    const attrs = {
      role: 'option',
      'aria-selected': String(index === 0),
      class: 'search-result search-result-article',
    };
    const option = element(doc, 'div', { attrs });
    const topic = element(doc, 'span', { className: 'result-topic' });
    topic.append(
      element(doc, 'span', { className: 'result-kind', text: HIT_KIND_LABELS.article }),
      ` · ${result.topic}`,
    );
    option.append(span('result-title', result.title), topic, span('result-summary', result.summary));
    list.append(option);
  });

  root.append(input, filters, element(doc, 'p', { className: 'result-count', text: picture.count }), list);
  return root;
}
