import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { HighlightList } from '@/components/annotations/highlight-list';
import { TagEditor } from '@/components/annotations/tag-editor';
import { type Highlight, highlightSchema } from '@/lib/db/schema';

const HEBREW = 'כל קורא זוכר היכן הסתיים הלוג.';

function highlight(id: string): Highlight {
  return highlightSchema.parse({
    id,
    itemId: 'page:he',
    color: 'yellow',
    note: 'הערה',
    createdAt: 1,
    updatedAt: 1,
    selectors: { quote: { type: 'TextQuoteSelector', exact: HEBREW } },
  });
}

// The reader lays a right-to-left copy out right to left; what the user keeps of it, listed after
// it, took the page's left-to-right direction: a Hebrew quote showed its full stop at its start.
describe('the user’s quotes, notes and tags take their own text’s direction', () => {
  it('a highlight’s quote (shown or not found) and its note', () => {
    render(<HighlightList highlights={[highlight('a'), highlight('b')]} notFound={new Set(['b'])} onShow={() => {}} />);
    expect(screen.getByRole('button', { name: `${HEBREW} (1st)` }).getAttribute('dir')).toBe('auto');
    expect(document.querySelector('blockquote')?.getAttribute('dir')).toBe('auto');
    for (const note of screen.getAllByRole('textbox')) expect(note.getAttribute('dir')).toBe('auto');
  });

  it('a tag', () => {
    render(<TagEditor itemId="page:he" tags={['קריאה']} suggestions={[]} />);
    expect(screen.getByText('קריאה').tagName).toBe('BDI');
  });
});
