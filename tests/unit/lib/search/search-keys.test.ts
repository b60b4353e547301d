import { describe, expect, it, vi } from 'vitest';
import { searchKeyHandler } from '@/lib/search/search-keys';

function press(key: string, { query = 'redis', active = 'hit' as string | null } = {}) {
  const actions = { move: vi.fn(), clear: vi.fn(), open: vi.fn(), query, active };
  const event = { key, preventDefault: vi.fn() };
  searchKeyHandler(actions)(event);
  return { ...actions, taken: event.preventDefault.mock.calls.length > 0 };
}

describe('Search Shelf’s keys', () => {
  it('↑/↓ move through the results, Enter opens the active one', () => {
    expect(press('ArrowDown').move).toHaveBeenCalledWith(1);
    expect(press('ArrowUp').move).toHaveBeenCalledWith(-1);
    expect(press('Enter').open).toHaveBeenCalledWith('hit');
    expect(press('Enter', { active: null }).taken).toBe(false);
  });

  it('Escape clears a query, and is left alone in an empty box', () => {
    const escaped = press('Escape');
    expect(escaped.clear).toHaveBeenCalledOnce();
    expect(escaped.taken).toBe(true);
    const empty = press('Escape', { query: '' });
    expect(empty.clear).not.toHaveBeenCalled();
    expect(empty.taken).toBe(false);
  });

  it('leaves other keys alone', () => {
    const typed = press('a');
    expect(typed.taken).toBe(false);
    expect([typed.move, typed.clear, typed.open].every((fn) => fn.mock.calls.length === 0)).toBe(true);
  });
});
