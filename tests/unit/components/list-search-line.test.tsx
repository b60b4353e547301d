import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ListSearchLine } from '@/components/reading-list/empty-list';
import { DEFAULT_LIST_QUERY, type FoundItems, type ListQuery } from '@/lib/reading-list/list-query';

const query = { ...DEFAULT_LIST_QUERY, status: 'all' as const, text: 'poker' };
const loosely: FoundItems = { reasons: new Map([['page:sre', ['text']]]), loosely: true, hits: new Map() };
const about: FoundItems = { reasons: new Map([['page:sre', ['text']]]), loosely: false, hits: new Map() };
/** The list's data as `useReadingListData` gives it, for a query and a number of rows. */
const listOf = (rowCount: number, found: FoundItems | null, shownQuery: ListQuery, queue = 0, matchingInAll = 0) => ({
  rows: Array.from({ length: rowCount }),
  found,
  shownQuery,
  counts: { queue },
  matchingInAll,
});

describe('ListSearchLine', () => {
  it('says the rows are only loosely related, and how many, in the status region there before', () => {
    const { rerender } = render(<ListSearchLine list={listOf(3, about, query, 0)} />);
    const region = screen.getByRole('status');
    expect(region.textContent).toBe('');
    rerender(<ListSearchLine list={listOf(3, loosely, query, 0)} />);
    expect(screen.getByRole('status')).toBe(region);
    expect(region.textContent).toBe('Nothing saved is about “poker”. Loosely related (3):');
  });

  it('says no row matches in this view when the loosely related items are all in other views', () => {
    render(<ListSearchLine list={listOf(0, loosely, { ...query, status: 'done' }, 0)} />);
    expect(screen.getByRole('status').textContent).toBe('No saved article matches “poker” in this view.');
  });

  // QA pass: a pasted paragraph was repeated whole in the status line, which a screen reader reads out.
  it('repeats a long query cut to one short line', () => {
    const pasted = `${'lorem ipsum dolor sit amet '.repeat(40)}\n\tend`;
    render(<ListSearchLine list={listOf(0, loosely, { ...query, text: pasted }, 0)} />);
    const said = screen.getByRole('status').textContent ?? '';
    expect(said).toMatch(/^No saved article matches “lorem ipsum dolor sit amet lorem ipsum[^”]*…” in this view\.$/);
    expect(said.length).toBeLessThan(120);
  });

  // QA pass: an empty "Done" view with no filter set said "No saved article matches these filters."
  it('says what an empty Done or Archived view holds when no filter is set', () => {
    const { rerender } = render(
      <ListSearchLine list={listOf(0, null, { ...DEFAULT_LIST_QUERY, status: 'done' }, 3)} />,
    );
    expect(screen.getByRole('status').textContent).toBe('Nothing marked done yet.');
    rerender(<ListSearchLine list={listOf(0, null, { ...DEFAULT_LIST_QUERY, status: 'archived' }, 3)} />);
    expect(screen.getByRole('status').textContent).toBe('Nothing archived yet.');
    rerender(<ListSearchLine list={listOf(0, null, { ...DEFAULT_LIST_QUERY, status: 'done', tag: 'db' }, 3)} />);
    expect(screen.getByRole('status').textContent).toBe('No saved article matches these filters.');
  });

  // QA pass: an archived item's title searched in the Queue said only "No saved article matches".
  it('says how many items All shows for a search this view finds nothing for, and shows them', () => {
    const onChange = vi.fn();
    render(<ListSearchLine list={listOf(0, about, { ...query, status: 'queue' }, 2, 3)} onChange={onChange} />);
    expect(screen.getByRole('status').textContent).toBe('No saved article matches “poker” in this view; 3 in All.');
    fireEvent.click(screen.getByRole('button', { name: 'Show all 3' }));
    expect(onChange).toHaveBeenCalledWith({ status: 'all' });
  });

  // QA pass: the popup and the side panel offered a spelling when nothing matched; the reading list did not.
  it('offers the suggested spelling only when nothing saved matches, in any view', () => {
    const onChange = vi.fn();
    const nothing: FoundItems = { reasons: new Map(), hits: new Map(), loosely: false, suggestion: 'edgestore' };
    const edgstor = { ...query, text: 'edgstor' };
    const { rerender } = render(<ListSearchLine list={listOf(0, nothing, edgstor)} onChange={onChange} />);
    expect(screen.getByRole('status').textContent).toBe('No saved article matches “edgstor” in this view.');
    fireEvent.click(screen.getByRole('button', { name: 'Did you mean “edgestore”?' }));
    expect(onChange).toHaveBeenCalledWith({ text: 'edgestore' });
    // Items in another view, or rows here: no suggestion.
    rerender(<ListSearchLine list={listOf(0, nothing, edgstor, 0, 2)} onChange={onChange} />);
    expect(screen.queryByRole('button', { name: /Did you mean/ })).toBeNull();
    rerender(<ListSearchLine list={listOf(2, nothing, edgstor)} onChange={onChange} />);
    expect(screen.queryByRole('button', { name: /Did you mean/ })).toBeNull();
    // A tag chosen: the spelling is the whole library's, and may find nothing under it.
    rerender(<ListSearchLine list={listOf(0, nothing, { ...edgstor, tag: 'infra' })} onChange={onChange} />);
    expect(screen.queryByRole('button', { name: /Did you mean/ })).toBeNull();
  });
});
