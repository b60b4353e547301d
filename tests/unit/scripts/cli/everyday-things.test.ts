// @vitest-environment node
import { describe, expect, it } from 'vitest';
import everydayThingsJson from '@/assets/data/everyday-things.json';
import wordsTellingHowJson from '@/assets/data/words-telling-how.json';
import {
  buildEverydayThings,
  buildWordsTellingHow,
  EVERYDAY_THING_RATIO,
  readsAsNoun,
  tellsHow,
} from '@/scripts/cli/everyday-things';
import { spokenWords } from '@/scripts/cli/everyday-words';

/** A manual of `total` words saying each given word `count` times. */
const manual = (total: number, counts: Record<string, number>) => ({ total, counts: new Map(Object.entries(counts)) });

describe('words naming things of everyday life (npm run documentation-words)', () => {
  // Speech of a million words besides stop words ("the" is not counted): "toilet" 30 per million
  // with its plural, "keyboard" 30, "climbing" 30, "faucet" 2, "zebu" 0.1, "cup" 30, "ox" 30, "bus" 30.
  const speech = [
    { word: 'the', count: 5_000_000 },
    { word: 'filler', count: 1_000_000 - 30 * 6 - 2 - 0.1 },
    { word: 'toilet', count: 25 },
    { word: 'Toilets', count: 5 },
    { word: 'keyboard', count: 30 },
    { word: 'climbing', count: 30 },
    { word: 'faucet', count: 2 },
    { word: 'zebu', count: 0.1 },
    { word: 'cup', count: 30 },
    { word: 'ox', count: 30 },
    { word: 'bus', count: 30 },
  ];
  const isNoun = (word: string) => word !== 'climbing';

  it('lists the nouns speech says forty times as often as the manuals, as written', () => {
    // Per million words of manuals, averaged per manual: "keyboard" 10 (a word of manuals too),
    // "toilet" 0.25 (30 against 0.25: 120 times as often), "bus" 0.5 (60 times as often).
    const manuals = [manual(2_000_000, { keyboard: 20, toilet: 1, bus: 2 }), manual(1_000_000, { keyboard: 10 })];
    const things = buildEverydayThings(manuals, speech, isNoun);
    // Both forms of "toilet", counted together.
    expect(things).toContain('toilet');
    expect(things).toContain('toilets');
    expect(things).not.toContain('keyboard');
    // A verb form tells how, not what about; a word speech seldom says is not known well enough to
    // tell (2 per million, smoothed by 0.1: 21 times as often as the manuals' none; 0.1 per million:
    // left out); two letters are too ambiguous to name anything, three are enough.
    expect(things).not.toContain('climbing');
    expect(things).not.toContain('faucet');
    expect(things).not.toContain('zebu');
    expect(things).not.toContain('ox');
    expect(things).toContain('cup');
    // Three letters need a hundred times as often ("message bus").
    expect(things).not.toContain('bus');
    expect(things).toEqual([...things].sort());
  });

  it('draws the line at forty times as often', () => {
    // "toilet" 30 per million in speech; the manuals at 0.65 and 0.85 per million: 45 and 35 times
    // as often, smoothed.
    const at = (perMillion: number) =>
      buildEverydayThings([manual(100_000_000, { toilet: perMillion * 100 })], speech, isNoun).includes('toilet');
    expect(10 ** EVERYDAY_THING_RATIO).toBeCloseTo(40, 0);
    expect(at(0.65)).toBe(true);
    expect(at(0.85)).toBe(false);
  });

  it('counts only the noun forms of a word in speech, and lists no rare form of a common noun', () => {
    const kids = [
      { word: 'filler', count: 1_000_000 },
      { word: 'kids', count: 20 },
      { word: 'kidding', count: 5000 },
      { word: 'kiddings', count: 0.1 },
    ];
    const manuals = [manual(1_000_000, { kid: 1 })];
    const isKidNoun = (word: string) => word === 'kids' || word === 'kiddings';
    // "kids" 20 per million against 1: not 40 times as often, whatever "kidding" says.
    expect(buildEverydayThings(manuals, kids, isKidNoun)).toEqual([]);
    expect(buildEverydayThings(manuals, kids, (word) => word !== 'filler')).toEqual(['kidding', 'kids']);
  });

  it('counts each manual the same, and lists nothing without manuals', () => {
    // "toilet" 40 per million in a small manual, none in a large one: 20 on average, no everyday thing.
    const manuals = [manual(100_000, { toilet: 4 }), manual(10_000_000, {})];
    expect(buildEverydayThings(manuals, speech, isNoun)).not.toContain('toilet');
    expect(buildEverydayThings([], speech, isNoun)).toEqual([]);
  });

  it('reads a word as a noun by its most frequent part of speech, else by WordNet', () => {
    for (const noun of ['toilet', 'kitchen', 'album', 'faucet', 'gifts', 'canada'])
      expect(readsAsNoun(noun), noun).toBe(true);
    // Verbs (irregular forms too), adjectives, and words WordNet knows as no noun or not at all.
    for (const other of ['took', 'froze', 'climbing', 'worried', 'convince', 'loud', 'memorize', 'pathetic'])
      expect(readsAsNoun(other), other).toBe(false);
    for (const unknown of ['toughest', 'gonna', 'beyonce']) expect(readsAsNoun(unknown), unknown).toBe(false);
  });

  it('the committed list names things of everyday life, never a word of manuals, a verb or an adjective', () => {
    const committed = new Set(everydayThingsJson.split(' '));
    for (const word of [
      'toilet',
      'faucet',
      'kitchen',
      'restaurant',
      'garden',
      'bachelor',
      'gifts',
      'weekend',
      'car',
      'oil',
    ])
      expect(committed.has(word), word).toBe(true);
    for (const word of ['keyboard', 'printer', 'router', 'server', 'thread', 'leak', 'password', 'bus'])
      expect(committed.has(word), word).toBe(false);
    for (const word of ['climbing', 'took', 'memorize', 'pathetic', 'toughest', 'gonna'])
      expect(committed.has(word), word).toBe(false);
  });
});

describe('words that tell how: adverbs and past forms of verbs (npm run index)', () => {
  it('reads adverbs and past forms by the lexicon, irregular forms included; not adjectives, gerunds or nouns', () => {
    for (const how of ['constantly', 'legally', 'flooded', 'exhausted', 'woken', 'frozen'])
      expect(tellsHow(how), how).toBe(true);
    // A noun first, whatever verb it is also the past of ("stove" of "stave", "dove" of "dive").
    for (const other of ['stove', 'dove', 'rung']) expect(tellsHow(other), other).toBe(false);
    for (const other of ['monthly', 'wooden', 'elderly', 'knitting', 'hiking', 'catering', 'kitchen', 'deli'])
      expect(tellsHow(other), other).toBe(false);
  });

  it('lists the words of speech that tell how, lowercase, once, sorted', () => {
    const speech = ['Quietly', 'quietly', 'flooded', 'kitten', 'because', 'x1'].map((word) => ({ word, count: 1 }));
    const isHow = (word: string) => ['quietly', 'flooded', 'because'].includes(word);
    // "because" is a stop word, "x1" no word of letters.
    expect(buildWordsTellingHow(speech, isHow)).toEqual(['flooded', 'quietly']);
  });

  it('the committed list is exactly what the word frequencies and the lexicon build (never stale)', () => {
    expect(buildWordsTellingHow(spokenWords())).toEqual(wordsTellingHowJson.split(' '));
  });
});
