import { describe, expect, it } from 'vitest';
import { adoptResultRows, indexOfResultRow, renderResultRows } from '@/components/result-rows';
import type { ResultRow } from '@/lib/search/result-row';

const article = (title: string, marked = ''): ResultRow => ({
  kind: 'article',
  title: marked
    ? [
        { text: title, marked: false },
        { text: marked, marked: true },
      ]
    : [{ text: title, marked: false }],
  topic: 'Caching & Redis · ttl',
  badge: '',
  reasons: '',
  summary: [{ text: `${title} explained.`, marked: false }],
});
const page: ResultRow = {
  kind: 'page',
  title: [{ text: 'Darfur crisis', marked: false }],
  topic: 'news.example',
  badge: '',
  reasons: 'Matched saved text',
  summary: [
    { text: '…aid to ', marked: false },
    { text: 'Darfur', marked: true },
    { text: ' resumed…', marked: false },
  ],
};

function newList(id = 'results') {
  const list = document.createElement('div');
  list.id = id;
  return list;
}
const options = (list: HTMLElement) => [...list.children] as HTMLElement[];

describe('the result rows renderer', () => {
  it('draws each row: what it is, where from, why it matched, and the matched words marked', () => {
    const list = newList();
    renderResultRows(list, [{ ...article('Cache Stampede', ' TTL'), badge: 'Reading · 60%' }, page], 1);

    const [first, second] = options(list);
    expect(first?.getAttribute('role')).toBe('option');
    expect(first?.className).toBe('search-result search-result-article');
    expect(first?.querySelector('.result-title')?.textContent).toBe('Cache Stampede TTL');
    expect(first?.querySelector('.result-title mark')?.textContent).toBe(' TTL');
    expect(first?.querySelector('.result-topic')?.textContent).toBe(
      'Blog article · Caching & Redis · ttl · Reading · 60%',
    );
    // QA pass: a saved page's highlight count ran into its site ("BBC News 1 highlight").
    renderResultRows(list, [{ ...page, badge: '1 highlight' }], 0);
    expect(options(list)[0]?.textContent).toContain('Saved page · news.example · 1 highlight · Matched saved text');
    renderResultRows(list, [{ ...article('Cache Stampede', ' TTL'), badge: 'Reading · 60%' }, page], 1);
    expect(second?.className).toBe('search-result search-result-page');
    expect(second?.querySelector('.result-topic')?.textContent).toBe('Saved page · news.example · Matched saved text');
    expect(second?.querySelector('.result-snippet mark')?.textContent).toBe('Darfur');
    // QA pass: a Hebrew title's words ran left to right. Each text reads in its own direction.
    expect(
      [second?.querySelector('.result-title'), second?.querySelector('.result-snippet')].map((part) =>
        part?.getAttribute('dir'),
      ),
    ).toEqual(['auto', 'auto']);
    expect(options(list).map((option) => [option.id, option.getAttribute('aria-selected')])).toEqual([
      ['results-option-0', 'false'],
      ['results-option-1', 'true'],
    ]);
  });

  it('draws no summary for a saved page whose passage is not read yet', () => {
    const list = newList();
    renderResultRows(list, [{ ...page, summary: null }], 0);
    expect(list.querySelector('.result-summary')).toBeNull();
  });

  it('keeps the elements of rows that did not change and replaces only the others', () => {
    const list = newList();
    renderResultRows(list, [article('A'), article('B'), article('C')], 0);
    const [a, b, c] = options(list);

    renderResultRows(list, [article('A'), article('B', ' marked'), article('C'), page], 2);
    const after = options(list);
    expect(after[0]).toBe(a);
    expect(after[1]).not.toBe(b);
    expect(after[1]?.querySelector('mark')?.textContent).toBe(' marked');
    expect(after[2]).toBe(c);
    expect(after[3]?.textContent).toContain('Darfur crisis');
    expect(after.map((option) => option.getAttribute('aria-selected'))).toEqual(['false', 'false', 'true', 'false']);

    renderResultRows(list, [article('A')], 0);
    expect(options(list)).toEqual([a]);
    renderResultRows(list, [], 0);
    expect(list.children).toHaveLength(0);
  });

  it('keeps rows equal to the ones shown, though built apart and with their fields in another order', () => {
    const list = newList();
    renderResultRows(list, [article('A', ' x'), page], 0);
    const drawn = options(list);
    const reordered = [article('A', ' x'), page].map(({ summary, reasons, badge, topic, title, kind }) => ({
      summary,
      reasons,
      badge,
      topic,
      title: title.map(({ marked, text }) => ({ marked, text })),
      kind,
    }));
    renderResultRows(list, reordered, 0);
    expect(options(list)).toEqual(drawn);
    expect(options(list)[0]).toBe(drawn[0]);
  });

  it('adopts rows drawn elsewhere: the same elements, then renders on from them', () => {
    const painted = document.createElement('div');
    const rows = [article('A'), article('B')];
    renderResultRows(painted, rows, 0);
    const drawn = options(painted);
    expect(drawn.map((option) => option.id)).toEqual(['', '']); // the picture's list has no id

    const live = newList('live');
    adoptResultRows(live, { list: painted, rows });
    renderResultRows(live, [article('A'), article('C')], 0);
    expect(options(live)[0]).toBe(drawn[0]);
    expect(options(live)[1]).not.toBe(drawn[1]);
    expect(options(live).map((option) => option.id)).toEqual(['live-option-0', 'live-option-1']);
    expect(painted.children).toHaveLength(0);
  });

  it('adopting from a list that lost its rows keeps no record of them', () => {
    const painted = document.createElement('div');
    const rows = [article('A'), article('B')];
    renderResultRows(painted, rows, 0);
    const elsewhere = newList('first');
    adoptResultRows(elsewhere, { list: painted, rows });

    const live = newList('live');
    adoptResultRows(live, { list: painted, rows });
    renderResultRows(live, rows, 0);
    expect(options(live)).toHaveLength(2);
    expect(options(elsewhere)).toHaveLength(2);
  });

  it('finds the row an event came from, or -1 outside the rows', () => {
    const list = newList();
    renderResultRows(list, [article('A'), page], 0);
    expect(indexOfResultRow(list, list.querySelector('.search-result-page mark'))).toBe(1);
    expect(indexOfResultRow(list, list.children[0] ?? null)).toBe(0);
    expect(indexOfResultRow(list, list)).toBe(-1);
    expect(indexOfResultRow(list, null)).toBe(-1);
  });

  it('puts text in as text, never as markup', () => {
    const hostile = '<img src=x onerror="alert(1)">';
    const list = newList();
    renderResultRows(
      list,
      [
        {
          kind: 'page',
          title: [{ text: hostile, marked: true }],
          topic: hostile,
          badge: hostile,
          reasons: hostile,
          summary: [{ text: hostile, marked: false }],
        },
      ],
      0,
    );
    expect(list.querySelector('img')).toBeNull();
    expect(list.querySelector('.result-title mark')?.textContent).toBe(hostile);
  });
});
