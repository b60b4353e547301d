import { describe, expect, it, vi } from 'vitest';
import { type ListCommand, READING_LIST_KEYS, runListKey } from '@/lib/reading-list/keys';

/** The command a key press runs in the list, pressed on `target`; null for none. */
function commandRun(press: { key: string; ctrlKey?: boolean; metaKey?: boolean; shiftKey?: boolean }, target: Element) {
  let run: ListCommand | null = null;
  const commands = Object.fromEntries(
    READING_LIST_KEYS.map(({ command }) => [command, () => (run = command)] as const),
  ) as unknown as Record<ListCommand, () => void>;
  const preventDefault = vi.fn();
  runListKey(
    { ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...press, target, preventDefault },
    commands,
  );
  expect(preventDefault).toHaveBeenCalledTimes(run === null ? 0 : 1);
  return run;
}

describe('the reading list’s keys', () => {
  const list = document.createElement('ul');
  const search = document.createElement('input');

  // QA pass: the browser's own undo put back a search typed long before.
  it('Ctrl+Z and Cmd+Z undo the last action, as u does, but not while typing, nor Ctrl+Shift+Z', () => {
    expect(commandRun({ key: 'z', ctrlKey: true }, list)).toBe('undo');
    expect(commandRun({ key: 'Z', metaKey: true }, list)).toBe('undo');
    expect(commandRun({ key: 'u' }, list)).toBe('undo');
    expect(commandRun({ key: 'z', ctrlKey: true }, search)).toBeNull();
    expect(commandRun({ key: 'z', ctrlKey: true, shiftKey: true }, list)).toBeNull();
  });

  it('* checks all the rows shown; other keys with Ctrl are the browser’s', () => {
    expect(commandRun({ key: '*' }, list)).toBe('checkAll');
    expect(commandRun({ key: 'a', ctrlKey: true }, list)).toBeNull();
    expect(commandRun({ key: 'j', ctrlKey: true }, list)).toBeNull();
  });
});
