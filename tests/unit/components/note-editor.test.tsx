import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { NoteEditor } from '@/components/annotations/note-editor';

const of = { target: 'item', id: 'article:wal' } as const;

// QA pass: a 25,000-character paste into a note stopped at 20,000 and said only "Saved".
describe('a note at its limit', () => {
  it('says that text past the limit is not kept; under it, nothing', () => {
    const onSave = vi.fn((text: string) => Promise.resolve(text));
    render(<NoteEditor label="Note" note="" maxLength={12} onSave={onSave} of={of} />);
    const field = screen.getByRole('textbox', { name: 'Note' });
    fireEvent.change(field, { target: { value: 'short' } });
    expect(screen.queryByText(/at most/)).toBeNull();
    expect(field.getAttribute('aria-describedby')).toBeNull();
    fireEvent.change(field, { target: { value: 'twelve chars' } });
    const limit = screen.getByText(/This holds at most 12 characters; text past that is not kept\./);
    // Read with the field by a screen reader.
    expect(field.getAttribute('aria-describedby')).toBe(limit.id);
  });
});
