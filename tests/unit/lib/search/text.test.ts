import { describe, expect, it } from 'vitest';
import {
  analyzeField,
  analyzeFieldAt,
  analyzePairs,
  analyzeQueryWords,
  completesPrefix,
  countWords,
  cutsNoWord,
  joinedHyphenations,
  normalizeText,
  normalizeTextWithOffsets,
  termsOfWord,
  tokenize,
  unfinishedWord,
} from '@/lib/search/text';

const surfaces = (text: string) => tokenize(normalizeText(text)).map((t) => t.surface);

describe('normalizeText and tokenize', () => {
  it('folds case and accents, and treats typographic dashes as separators', () => {
    expect(normalizeText('Café RÉSUMÉ')).toBe('cafe resume');
    expect(surfaces('databases—and caches')).toEqual(['databases', 'and', 'caches']);
  });

  it('keeps names with inner punctuation findable: N+1, node:test, node.js, A2A, C#', () => {
    expect(surfaces('The N+1 query, node:test, Node.js, A2A and C#.')).toEqual([
      'the',
      'n+1',
      'query',
      'node:test',
      'node.js',
      'a2a',
      'and',
      'c#',
    ]);
  });

  it.each([
    'Plain ASCII, with `backticks` and CAPITALS.',
    'Wait… the café’s ﬁrst naïve retry — ½ done™',
    'Decomposed: cafe\u0301 and e\u0308 marks; İstanbul; ﬀ ﬃ',
    'Astral 𝒳𝒴 and emoji 🙂 between words, an unpaired \ud800 half',
    `${'\ufdfa'.repeat(40)} then words after ﬁve expansions`,
    'Η ΟΔΟΣ ΕΙΝΑΙ ΚΛΕΙΣΤΗ — ο δρόμος',
    'Arabic with shadda and fatha: مُحَمَّد, Hebrew points: שָׁלוֹם',
    'Japanese voiced kana: がガばバ ラーメン',
    'Thai: ภาษาไทยเป็นภาษาที่สวยงาม',
    'Half-width kana and marks: ｶﾞｷﾞ \u0651\uff9f \u0651\uff9e',
    'Russian й whole and decomposed: высокой, высокои\u0306, ЙОД',
  ])('normalizes with offsets exactly as normalizeText, each word pointing at where it is written: %s', (text) => {
    const { normalized, starts, ends } = normalizeTextWithOffsets(text);
    expect(normalized).toBe(normalizeText(text));
    expect(starts.length).toBe(normalized.length);
    for (const token of tokenize(normalized)) {
      // The characters the word came from ("½" gives both "1" and "2": each points at all of it).
      const written = text.slice(starts[token.start], ends[token.end - 1]);
      expect(normalizeText(written)).toContain(token.surface);
      expect(written.length).toBeLessThanOrEqual(token.surface.length * 2);
    }
  });

  it('reads words of every script, accents folded; Chinese and Japanese one character at a time', () => {
    expect(surfaces('Привет, мир! Ελληνικά नमस्ते مرحبا Straße Ørsted')).toEqual([
      'привет',
      'мир',
      'ελληνικα',
      'नमस्ते',
      'مرحبا',
      'straße',
      'ørsted',
    ]);
    expect(surfaces('東京都の天気 and Tokyo')).toEqual(['東', '京', '都', 'の', '天', '気', 'and', 'tokyo']);
    // A voiced kana keeps its mark (が is not か), and the long-vowel mark stays with its kana.
    expect(surfaces('ラーメンが')).toEqual(['ラー', 'メ', 'ン', 'が'.normalize('NFKD')]);
    expect(surfaces('か')).not.toEqual(surfaces('が'));
    // Thai is written without spaces too: a character with its marks at a time.
    expect(surfaces('ไทยเป็น')).toEqual(['ไ', 'ท', 'ย', 'เ', 'ป็'.normalize('NFKD'), 'น']);
    expect(normalizeText('ΟΔΟΣ')).toBe(normalizeText('οδοσ'));
    // Russian й is a letter (its endings are stemmed), written whole or as и with a breve; ё is е.
    expect(normalizeText('Высокой ЙОГИ')).toBe('высокой йоги');
    expect(normalizeText('высокои\u0306')).toBe('высокой');
    expect(normalizeText('ещё')).toBe('еще');
    expect(termsOfWord('нагрузке')).toEqual(termsOfWord('нагрузка'));
    expect(termsOfWord('высокой')).toEqual(termsOfWord('высокая'));
    // Short words too: "бой", "бои", "боях" (battle) are one term.
    expect(new Set(['бой', 'бои', 'боях', 'боями'].flatMap(termsOfWord)).size).toBe(1);
    expect(analyzeField('по-русски и split-brain')).toEqual([
      'по',
      'русск',
      'и',
      'split',
      'brain',
      'порусски',
      'splitbrain',
    ]);
  });

  it('reads a long run of letters without spaces in one pass (hyphenated words are looked for where runs start)', () => {
    // Before, the hyphenated-word pattern was retried inside the run: 20,000 characters took seconds.
    expect(analyzeField(`${'茶'.repeat(100_000)} x-ray`)).toHaveLength(100_000 + 3);
    // Nor after each mark in a run of letters with marks (Hindi, Thai): 20,000 characters took 2.2 s,
    // so these 150,000 would take minutes (over the test's 60 s).
    expect(analyzeField(`${'कि'.repeat(75_000)} एक-दो`)).toEqual(expect.arrayContaining(['एक', 'दो', 'एकदो']));
  });

  it('reads a letter with a million marks stacked on it in one pass (normalizing sorts marks at a squared cost)', () => {
    // Before, 80,000 marks took 2.6 s to normalize; a million (a hostile page's whole copy) minutes.
    const text = `e${'\u0301\u0316'.repeat(500_000)} relief convoys`;
    expect(analyzeField(text)).toEqual(expect.arrayContaining(['relief', 'convoi']));
    expect(normalizeTextWithOffsets(text).normalized).toBe(normalizeText(text));
    const stacks = `A hostile stack: e${'\u0301\u0316'.repeat(40)} then ${'\u0316'.repeat(50)}words ｶ${'\uff9e'.repeat(40)}`;
    expect(normalizeTextWithOffsets(stacks).normalized).toBe(normalizeText(stacks));
  });

  it('reads a contraction written without its apostrophe as with it: "dont" is "don" and "t", in place', () => {
    const tokens = (text: string) =>
      tokenize(normalizeText(text)).map(({ surface, start, end }) => [surface, start, end]);
    expect(surfaces("I don't know")).toEqual(['i', 'don', 't', 'know']);
    expect(tokens('I dont know')).toEqual([
      ['i', 0, 1],
      ['don', 2, 5],
      ['t', 5, 6],
      ['know', 7, 11],
    ]);
    expect(tokens('Youre isnt')).toEqual([
      ['you', 0, 3],
      ['re', 3, 5],
      ['isn', 6, 9],
      ['t', 9, 10],
    ]);
    // Words of their own stay whole.
    expect(surfaces('its were well ill id im shed lets cant wont')).toEqual([
      'its',
      'were',
      'well',
      'ill',
      'id',
      'im',
      'shed',
      'lets',
      'cant',
      'wont',
    ]);
  });

  it('splits hyphenated words, and also indexes them joined ("split-brain" = "split brain" = "splitbrain")', () => {
    expect(analyzeField('split-brain')).toEqual([...analyzeField('split brain'), 'splitbrain']);
    expect(analyzeField('on-call')).toContain('oncal');
    // The joined forms alone, as plain words look their term up ("on-call" is "oncall", not "call").
    expect(joinedHyphenations(normalizeText('On-call rota, split-brain and plain words'))).toEqual([
      'oncal',
      'splitbrain',
    ]);
  });

  it("says where each of a field's terms is: its word's offset in the normalized text", () => {
    const placed = analyzeFieldAt('The on-call rota: node:test runs');
    expect(placed.terms).toEqual(analyzeField('The on-call rota: node:test runs'));
    expect(placed.terms.map((term, at) => [term, placed.starts[at]])).toEqual([
      ['call', 7],
      ['rota', 12],
      ['node:test', 18],
      ['node', 18],
      ['test', 18],
      ['run', 28],
      ['oncal', 4],
    ]);
    expect(placed.length).toBe(32);
  });
});

describe('terms', () => {
  it('stems words so that forms of a word meet', () => {
    expect(termsOfWord('retries')).toEqual(termsOfWord('retry'));
    expect(termsOfWord('caching')).toEqual(termsOfWord('cache'));
    expect(termsOfWord('idempotency')).toEqual(termsOfWord('idempotent'));
  });

  // Porter read "news" as "new" and "bias" as "bia" (where "biases" and "biased" are "bias").
  it('keeps words Porter2 lists as exceptions apart from the words Porter reads them as', () => {
    expect(termsOfWord('news')).not.toEqual(termsOfWord('new'));
    expect(termsOfWord('bias')).toEqual(termsOfWord('biases'));
    expect(termsOfWord('bias')).toEqual(termsOfWord('biased'));
  });

  it('stems a short word of a vowel and "y" as its other forms are, and leaves other short words as written', () => {
    expect(termsOfWord('key')).toEqual(termsOfWord('keys'));
    expect(termsOfWord('day')).toEqual(termsOfWord('days'));
    expect(termsOfWord('say')).toEqual(termsOfWord('saying'));
    expect(termsOfWord('pay')).toEqual(termsOfWord('paying'));
    // Short names are not plurals: "aws" is not "aw", "dns" not "dn".
    expect(termsOfWord('aws')).toEqual(['aws']);
    expect(termsOfWord('dns')).toEqual(['dns']);
    expect(termsOfWord('sky')).toEqual(['sky']);
  });

  it('gives compounds both as a whole and as parts', () => {
    expect(termsOfWord('node:test')).toEqual(['node:test', 'node', 'test']);
  });

  it('drops stop words from queries unless nothing else is left', () => {
    expect(analyzeQueryWords('how do I fix the thundering herd').map((w) => w.surface)).toEqual([
      'fix',
      'thundering',
      'herd',
    ]);
    expect(analyzeQueryWords('what is it').map((w) => w.surface)).toEqual(['what', 'is', 'it']);
  });

  it('reads "once" in a query only as a delivery guarantee ("exactly once", "at least once", "at most once")', () => {
    const surfaces = (query: string) => analyzeQueryWords(query).map((w) => w.surface);
    expect(surfaces('exactly once delivery')).toEqual(['exactly', 'once', 'delivery']);
    expect(surfaces('at-least-once')).toEqual(['least', 'once']);
    expect(surfaces('at most once')).toEqual(['once']);
    // An adverb elsewhere, even when nothing but stop words is left.
    expect(surfaces('users hit the db at once')).toEqual(['users', 'hit', 'db']);
    expect(surfaces('all at once')).toEqual(['all', 'at']);
    expect(surfaces('once')).toEqual(['once']);
    // Documents keep it.
    expect(analyzeField('fires once a day')).toContain('onc');
  });

  it('keeps a query word written together with the stop word after it ("log in" → "login")', () => {
    const joined = (query: string) => analyzeQueryWords(query).map((w) => w.joinedWithNext ?? null);
    expect(joined('log in with a fingerprint')).toEqual(['login', null]);
    expect(joined('plug in the charger')).toEqual(['plugin', null]);
    expect(joined('add on')).toEqual(['addon']);
    // Only with "in" or "on" next (stop words, left out of the query), and only words of letters: joined
    // with other stop words, words stem into others ("rest or" into "restore", "serve really" into "server").
    expect(joined('log rotation')).toEqual([null, null]);
    expect(joined('node:test in ci')).toEqual([null, null]);
    expect(joined('rest or graphql')).toEqual([null, null]);
    expect(joined('serve really large files')).toEqual([null, null, null]);
    expect(joined('log in')).toEqual(['login']);
  });

  it('pairs adjacent meaningful words for phrase matching', () => {
    expect(analyzePairs('Choosing a Vector Database')).toEqual(['choos vector', 'vector databas']);
  });
});

describe('unfinished words and cuts', () => {
  it('completes an unfinished last word of two letters or more, and nothing for a finished query', () => {
    expect(completesPrefix('retry', 're')).toBe(true);
    expect(completesPrefix('retry', 'r')).toBe(false);
    expect(completesPrefix('retry', 'ry')).toBe(false);
    expect(completesPrefix('retry', null)).toBe(false);
  });

  it('names an unfinished last word only while typing, and only from two letters', () => {
    expect(unfinishedWord(analyzeQueryWords('retry st'), true)).toBe('st');
    expect(unfinishedWord([{ surface: 'retry' }, { surface: 's' }], true)).toBeNull();
    expect(unfinishedWord(analyzeQueryWords('retry st'), false)).toBeNull();
    expect(unfinishedWord([], true)).toBeNull();
  });

  it('cuts between words, never inside one or inside a character beyond the first plane', () => {
    expect(cutsNoWord('retry storm', 5)).toBe(true);
    expect(cutsNoWord('retry storm', 3)).toBe(false);
    // 𝒳 (a letter) is two UTF-16 units: never cut between them, and it is read whole before a cut.
    expect(cutsNoWord('𝒳𝒳', 1)).toBe(false);
    // A lone second half is not a character of its own word: a cut after it falls between words.
    expect(cutsNoWord('\udcb3x', 1)).toBe(true);
    expect(cutsNoWord('x𝒳y', 3)).toBe(false);
  });
});

describe('countWords', () => {
  it('counts the runs between spaces, and each character of a script written without them, as tokenize finds words', () => {
    expect(countWords('  The pool runs out —  and the app freezes. ')).toBe(9);
    expect(countWords('数据库连接池耗尽，应用卡住。')).toBe(12);
    const mixed = 'On-call 值班 for node.js, 日本語のテキスト and ไทย';
    expect(countWords(mixed)).toBe(tokenize(normalizeText(mixed)).length);
  });
});
