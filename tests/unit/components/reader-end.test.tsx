import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ReaderEnd } from '@/components/reader/reader-end';

describe('the end of the reader: Mark as done and Archive are toggle buttons', () => {
  it.each([
    ['unread', 'Mark as done', 'done'],
    ['done', 'Mark as done', 'reading'],
    ['done', 'Archive', 'archived'],
    ['archived', 'Archive', 'reading'],
    ['archived', 'Mark as done', 'done'],
  ] as const)('status %s: pressing %s sets %s', (status, button, expected) => {
    const onSetStatus = vi.fn();
    render(<ReaderEnd status={status} onSetStatus={onSetStatus} onNext={() => {}} message={null} />);
    const pressed = screen.getByRole('button', { name: button });
    expect(pressed.getAttribute('aria-pressed')).toBe(String(expected === 'reading'));
    fireEvent.click(pressed);
    expect(onSetStatus).toHaveBeenCalledWith(expected);
  });
});
