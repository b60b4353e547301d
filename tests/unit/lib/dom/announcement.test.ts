import { describe, expect, it } from 'vitest';
import { freshAnnouncement } from '@/lib/dom/announcement';

describe('freshAnnouncement', () => {
  it('shows a new message as it is', () => {
    expect(freshAnnouncement(null, 'Highlighted.')).toBe('Highlighted.');
    expect(freshAnnouncement('Copied as Markdown.', 'Highlighted.')).toBe('Highlighted.');
    expect(freshAnnouncement('Highlighted.\u00a0', 'Copied as Markdown.')).toBe('Copied as Markdown.');
  });

  it('changes the text of the same message set again, every time, without changing its words', () => {
    const first = freshAnnouncement(null, 'Highlighted.');
    const second = freshAnnouncement(first, 'Highlighted.');
    const third = freshAnnouncement(second, 'Highlighted.');
    expect(second).not.toBe(first);
    expect(third).not.toBe(second);
    for (const text of [first, second, third]) expect(text.trim()).toBe('Highlighted.');
  });
});
