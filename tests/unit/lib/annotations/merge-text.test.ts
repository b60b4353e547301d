import { describe, expect, it } from 'vitest';
import { joinSavedEdit, mergeTextEdits } from '@/lib/annotations/merge-text';

const wellFormed = (text: string) =>
  !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

describe('mergeTextEdits: a note edited in two windows at once', () => {
  it('keeps both edits where they touch different places', () => {
    expect(mergeTextEdits('one two three', 'ONE two three', 'one two THREE')).toBe('ONE two THREE');
    expect(mergeTextEdits('ask Dana', 'ask Dana today', 'please ask Dana')).toBe('please ask Dana today');
  });

  it('typed at the same place (both appended): the other window’s first, then this one’s (QA: " A300" was lost)', () => {
    expect(mergeTextEdits('note', 'note A300', 'note B300')).toBe('note B300 A300');
    // Typed at once into an empty box: both, a space between (QA pass: "from Cfrom A").
    expect(mergeTextEdits('', 'from A', 'from C')).toBe('from C from A');
    expect(mergeTextEdits('', 'from A', 'from C\n')).toBe('from C\nfrom A');
    // Punctuation typed at once stays against the word before it (review).
    expect(mergeTextEdits('Buy milk', 'Buy milk, eggs', 'Buy milk and bread')).toBe('Buy milk and bread, eggs');
  });

  it('changing the same words: the other window’s text, and this one’s words after it', () => {
    expect(mergeTextEdits('call at 5', 'call at 6', 'call at 7')).toBe('call at 7 6');
  });

  it('one side unchanged, or both the same: that text', () => {
    expect(mergeTextEdits('a', 'a', 'b')).toBe('b');
    expect(mergeTextEdits('a', 'b', 'a')).toBe('b');
    expect(mergeTextEdits('a', 'b', 'b')).toBe('b');
    expect(mergeTextEdits('', 'mine', '')).toBe('mine');
  });

  // QA pass: two emoji that share their first half came out as one emoji and a lone half ("�").
  it('never splits an emoji’s two halves', () => {
    const merged = mergeTextEdits('I feel 😀', 'I feel 😃', 'I feel 😁');
    expect(wellFormed(merged)).toBe(true);
    expect(merged).toBe('I feel 😁 😃');
    // Sharing their second half, at the end of two edits (U+1F600 and U+1F400 end in the same unit).
    expect(wellFormed(mergeTextEdits('😀 x', '🐀 x', '😀 y'))).toBe(true);
    expect(mergeTextEdits('😀 x', '🐀 x', '😀 y')).toBe('🐀 y');
  });
});

// A page closing hands its last text to the background with the save it had under way, which may
// or may not have landed, while another window may have saved since.
describe('joinSavedEdit with a save under way as the page closed', () => {
  it('landed, then another window’s edit: joined from it, neither window’s words repeated (review)', () => {
    expect(joinSavedEdit('abc theirs', 'abcd', '', 'abc')).toBe('abc theirs d');
    expect(joinSavedEdit('x abc, theirs', 'x abc, mine', 'x ab', 'x abc,')).toBe('x abc, theirs mine');
  });

  it('cut off, with another window’s edit: joined from the text before it', () => {
    expect(joinSavedEdit('Plan: from the reader', 'Plan: more', 'Plan:', 'Plan: m')).toBe('Plan: from the reader more');
    // The other's words end as the save under way did ("m"): still not taken for that save.
    expect(joinSavedEdit('Plan: from the room', 'Plan: more', 'Plan:', 'Plan: m')).toBe('Plan: from the room more');
  });

  it('a save under way that deleted, cut off, and words typed where it deleted: from the text before it', () => {
    // "Plan: draft" had " draft" deleted (the save under way), cut off; another window added to its end;
    // this page then typed " final".
    // From "Plan:" it would read "Plan: draft, reviewed final", the deleted word back.
    expect(joinSavedEdit('Plan: draft, reviewed', 'Plan: final', 'Plan: draft', 'Plan:')).toBe('Plan: final, reviewed');
  });
});
