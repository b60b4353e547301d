import { describe, expect, it } from 'vitest';
import { cleanText, matchKey, textSimilarity } from '@/lib/catalog-updates/text';
import { clip } from '@/lib/search/shown-line';

describe('cleanText', () => {
  it('composes to NFC, drops invisible characters and collapses every kind of whitespace', () => {
    expect(cleanText('  Cafe\u0301\u00A0au\u200B lait\n\t\u2003ok\uFEFF ')).toBe('Café au lait ok');
  });
});

describe('matchKey', () => {
  it('folds typographic quotes, dashes and three dots, and nothing else', () => {
    expect(matchKey('“Don’t” – it’s a trap — really...')).toBe(matchKey('"Don\'t" - it\'s a trap - really…'));
    expect(matchKey("It''s fine")).toBe(matchKey("It's fine"));
  });

  it('keeps case, words, punctuation and a trailing ellipsis: those make a different text', () => {
    expect(matchKey('Redis streams')).not.toBe(matchKey('Redis Streams'));
    expect(matchKey('Poor error handling is the')).not.toBe(matchKey('Poor error handling is the…'));
    expect(matchKey('Fast, not slow.')).not.toBe(matchKey('Fast not slow.'));
  });
});

describe('textSimilarity', () => {
  const summary =
    'The query works fine in development with 1,000 rows. In production with 50 million rows it locks up the database for 3 minutes.';

  it('is 1 for the same text and high for one changed word', () => {
    expect(textSimilarity(summary, summary)).toBe(1);
    expect(textSimilarity(summary, summary.replace('locks', 'freezes'))).toBeGreaterThan(0.85);
  });

  it('is low for unrelated text about the same field', () => {
    expect(
      textSimilarity(summary, 'Connection pools run dry under load; size them and watch the wait time.'),
    ).toBeLessThan(0.2);
  });
});

describe('clip', () => {
  it('cuts at a word boundary and marks the cut', () => {
    expect(clip('alpha beta gamma delta', 15)).toBe('alpha beta…');
    expect(clip('abcdefghijklmnopqrstuvwxyz', 10)).toBe('abcdefghi…');
    expect(clip('short', 12)).toBe('short');
  });

  // A title of emoji or rarer CJK characters with no space cut a character in half: the card showed "�".
  it('never cuts a character written as two UTF-16 units in half', () => {
    const clipped = clip('\u{1F680}'.repeat(400), 300);
    expect(clipped.isWellFormed()).toBe(true);
    expect(clipped).toBe(`${'\u{1F680}'.repeat(149)}…`);
  });
});
