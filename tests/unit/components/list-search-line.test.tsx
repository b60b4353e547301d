import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ListSearchLine } from '@/components/reading-list/empty-list';
import { DEFAULT_LIST_QUERY, type FoundItems } from '@/lib/reading-list/list-query';

const query = { ...DEFAULT_LIST_QUERY, status: 'all' as const, text: 'poker' };
const loosely: FoundItems = { reasons: new Map([['page:sre', ['text']]]), loosely: true };
const about: FoundItems = { reasons: new Map([['page:sre', ['text']]]), loosely: false };

describe('ListSearchLine', () => {
  it('says the rows are only loosely related, and how many, in the status region there before', () => {
    const { rerender } = render(<ListSearchLine rowCount={3} found={about} query={query} queueCount={0} />);
    const region = screen.getByRole('status');
    expect(region.textContent).toBe('');
    rerender(<ListSearchLine rowCount={3} found={loosely} query={query} queueCount={0} />);
    expect(screen.getByRole('status')).toBe(region);
    expect(region.textContent).toBe('Nothing saved is about “poker”. Loosely related (3):');
  });

  it('says no row matches in this view when the loosely related items are all in other views', () => {
    render(<ListSearchLine rowCount={0} found={loosely} query={{ ...query, status: 'done' }} queueCount={0} />);
    expect(screen.getByRole('status').textContent).toBe('No saved article matches “poker” in this view.');
  });

  // QA pass: a pasted paragraph was repeated whole in the status line, which a screen reader reads out.
  it('repeats a long query cut to one short line', () => {
    const pasted = `${'lorem ipsum dolor sit amet '.repeat(40)}\n\tend`;
    render(<ListSearchLine rowCount={0} found={loosely} query={{ ...query, text: pasted }} queueCount={0} />);
    const said = screen.getByRole('status').textContent ?? '';
    expect(said).toMatch(/^No saved article matches “lorem ipsum dolor sit amet lorem ipsum[^”]*…” in this view\.$/);
    expect(said.length).toBeLessThan(120);
  });

  // QA pass: an empty "Done" view with no filter set said "No saved article matches these filters."
  it('says what an empty Done or Archived view holds when no filter is set', () => {
    const { rerender } = render(
      <ListSearchLine rowCount={0} found={null} query={{ ...DEFAULT_LIST_QUERY, status: 'done' }} queueCount={3} />,
    );
    expect(screen.getByRole('status').textContent).toBe('Nothing marked done yet.');
    rerender(
      <ListSearchLine rowCount={0} found={null} query={{ ...DEFAULT_LIST_QUERY, status: 'archived' }} queueCount={3} />,
    );
    expect(screen.getByRole('status').textContent).toBe('Nothing archived yet.');
    rerender(
      <ListSearchLine
        rowCount={0}
        found={null}
        query={{ ...DEFAULT_LIST_QUERY, status: 'done', tag: 'db' }}
        queueCount={3}
      />,
    );
    expect(screen.getByRole('status').textContent).toBe('No saved article matches these filters.');
  });
});
