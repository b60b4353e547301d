import { describe, expect, it } from 'vitest';
import {
  addTag,
  cleanStoredTags,
  describeBulkTagChange,
  MAX_TAG_LENGTH,
  MAX_TAGS_PER_ITEM,
  normalizeTag,
  removeTag,
  TAG_ERROR_MESSAGES,
  tagToRemove,
} from '@/lib/annotations/tags';

describe('normalizing a tag', () => {
  it('trims, collapses inner whitespace and lowers the case', () => {
    expect(normalizeTag('  DB   Later\t ')).toEqual({ ok: true, tag: 'db later' });
  });

  it('keeps no control characters or bidi overrides, which would turn a chip around', () => {
    expect(normalizeTag('\u202Egnirts')).toEqual({ ok: true, tag: 'gnirts' });
    expect(normalizeTag('to\u0007do\u2066later')).toEqual({ ok: true, tag: 'to do later' });
    expect(normalizeTag('\u202E\u2069')).toEqual({ ok: false, error: 'empty' });
    // Right-to-left text keeps its own marks.
    expect(normalizeTag('עברית\u200F')).toEqual({ ok: true, tag: 'עברית\u200F' });
    expect(cleanStoredTags(['\u202Elabel', 'label', '\u0000'])).toEqual(['label']);
    // Imported in NFD (as a Mac writes "café"): kept as the editor writes it, one tag with it.
    expect(cleanStoredTags(['cafe\u0301', 'caf\u00e9'])).toEqual(['caf\u00e9']);
  });

  // QA pass: a 63-letter tag and an emoji kept half the emoji; a cut before a space kept the space.
  it('cuts stored tags between characters, and trims what the cut leaves', () => {
    expect(cleanStoredTags([`${'a'.repeat(63)}😀`])).toEqual(['a'.repeat(63)]);
    expect(cleanStoredTags([`${'a'.repeat(62)}😀`])).toEqual([`${'a'.repeat(62)}😀`]);
    expect(cleanStoredTags([`${'a'.repeat(63)} b`])).toEqual(['a'.repeat(63)]);
  });

  it('says why a tag is refused', () => {
    expect(normalizeTag('   ')).toEqual({ ok: false, error: 'empty' });
    expect(normalizeTag('x'.repeat(MAX_TAG_LENGTH + 1))).toEqual({ ok: false, error: 'too-long' });
    expect(normalizeTag('a,b')).toEqual({ ok: false, error: 'separator' });
    expect(normalizeTag('a|b')).toEqual({ ok: false, error: 'separator' });
  });

  it(`counts ${MAX_TAG_LENGTH} characters as a reader does, not UTF-16 units`, () => {
    expect(normalizeTag('🙂'.repeat(MAX_TAG_LENGTH))).toEqual({ ok: true, tag: '🙂'.repeat(MAX_TAG_LENGTH) });
    expect(normalizeTag(`  ${'y'.repeat(MAX_TAG_LENGTH)}  `).ok).toBe(true);
  });
});

describe('adding and removing tags', () => {
  it('adds a new tag at the end, normalized', () => {
    expect(addTag(['wal'], ' Postgres ')).toEqual({ ok: true, tags: ['wal', 'postgres'], added: true });
  });

  it('treats a tag the item has in another case as the same tag', () => {
    expect(addTag(['postgres'], 'POSTGRES')).toEqual({ ok: true, tags: ['postgres'], added: false });
  });

  it(`refuses a tag past ${MAX_TAGS_PER_ITEM} and leaves the tags as they were`, () => {
    const full = Array.from({ length: MAX_TAGS_PER_ITEM }, (_, i) => `tag ${i}`);
    expect(addTag(full, 'one more')).toEqual({ ok: false, error: 'too-many' });
    expect(full).toHaveLength(MAX_TAGS_PER_ITEM);
    expect(addTag(full, 'TAG 3')).toMatchObject({ ok: true, added: false });
  });

  it('passes on why a tag is refused', () => {
    expect(addTag([], '')).toEqual({ ok: false, error: 'empty' });
  });

  it('removes a tag whatever its case or spacing', () => {
    expect(removeTag(['db later', 'wal'], '  DB  later ')).toEqual(['wal']);
    expect(removeTag(['wal'], 'absent')).toEqual(['wal']);
  });

  it('has a message for every error', () => {
    expect(TAG_ERROR_MESSAGES['too-long']).toContain(String(MAX_TAG_LENGTH));
    expect(TAG_ERROR_MESSAGES['too-many']).toContain(String(MAX_TAGS_PER_ITEM));
  });
});

describe('what a bulk tag change says', () => {
  it('names why rows did not change: they had it, or hold 20 tags', () => {
    expect(describeBulkTagChange('wal', 'add', 2, 2, 0)).toBe('Added “wal” to 2 of 2.');
    expect(describeBulkTagChange('wal', 'add', 5, 2, 2)).toBe(
      `Added “wal” to 2 of 5. 1 had it already. 2 already have ${MAX_TAGS_PER_ITEM} tags or more, and take no more.`,
    );
    expect(describeBulkTagChange('wal', 'add', 2, 1, 1)).toBe(
      `Added “wal” to 1 of 2. 1 already has ${MAX_TAGS_PER_ITEM} tags or more, and takes no more.`,
    );
    expect(describeBulkTagChange('wal', 'remove', 3, 1, 0)).toBe('Removed “wal” from 1 of 3. 2 did not have it.');
  });
});

// QA: bulk "Remove tag" checked the typed tag by the rules for adding one, and refused imported
// tags the Tag filter offered.
describe('a tag to remove', () => {
  it('takes any tag an item may hold (an import keeps longer ones), as tags are compared', () => {
    const long = 'machine learning papers to read this summer';
    expect([...long].length).toBeGreaterThan(MAX_TAG_LENGTH);
    expect(tagToRemove(long)).toEqual({ ok: true, tag: long });
    expect(tagToRemove(' Work, 2024 ')).toEqual({ ok: true, tag: 'work, 2024' });
    expect(tagToRemove('a|b')).toEqual({ ok: true, tag: 'a|b' });
    expect(tagToRemove('  ')).toEqual({ ok: false, error: 'empty' });
    const [stored] = cleanStoredTags([` ${long.toUpperCase()} `]);
    expect(removeTag([stored as string, 'later'], long.toUpperCase())).toEqual(['later']);
    // One holding a separator of the exports is kept as its parts, each removed as any tag.
    expect(cleanStoredTags([' Work, 2024 ', 'a|b'])).toEqual(['work', '2024', 'a', 'b']);
  });
});
