// @vitest-environment node
import { describe, expect, it } from 'vitest';
import everydayThingsJson from '@/assets/data/everyday-things.json';
import { buildEverydayThings, readsAsNoun } from '@/scripts/cli/everyday-things';

/** A manual of `total` words saying each given word `count` times. */
const manual = (total: number, counts: Record<string, number>) => ({ total, counts: new Map(Object.entries(counts)) });

describe('words naming things of everyday life (npm run documentation-words)', () => {
  // Speech of a million words: "toilet" 30 per million, "keyboard" 30, "climbing" 30, "faucet" 2,
  // "zebu" 0.1, "cup" 30.
  const speech = [
    { word: 'filler', count: 1_000_000 - 30 * 4 - 2 - 0.1 },
    { word: 'toilet', count: 25 },
    { word: 'Toilets', count: 5 },
    { word: 'keyboard', count: 30 },
    { word: 'climbing', count: 30 },
    { word: 'faucet', count: 2 },
    { word: 'zebu', count: 0.1 },
    { word: 'cup', count: 30 },
  ];

  it('lists the nouns speech says forty times as often as the manuals, as written', () => {
    // Per million words of manuals: "keyboard" 10 (a word of manuals too), "toilet" 0.5 (60×).
    const manuals = [manual(2_000_000, { keyboard: 20, toilet: 1 }), manual(1_000_000, { keyboard: 10 })];
    const things = buildEverydayThings(manuals, speech);
    // Both forms of "toilet", counted together (30 per million against 0.33).
    expect(things).toContain('toilet');
    expect(things).toContain('toilets');
    expect(things).not.toContain('keyboard');
    // A verb form tells how, not what about; a word speech seldom says is not known well enough to
    // tell (2 per million: smoothed, 21× the manuals'; 0.1 per million: left out); a word under four
    // letters weighs nothing in a query.
    expect(things).not.toContain('climbing');
    expect(things).not.toContain('faucet');
    expect(things).not.toContain('zebu');
    expect(things).not.toContain('cup');
    expect(things).toEqual([...things].sort());
  });

  it('counts each manual the same, and lists nothing without manuals', () => {
    // "toilet" 40 per million in a small manual, none in a large one: 20 on average, no everyday thing.
    const manuals = [manual(100_000, { toilet: 4 }), manual(10_000_000, {})];
    expect(buildEverydayThings(manuals, speech)).not.toContain('toilet');
    expect(buildEverydayThings([], speech)).toEqual([]);
  });

  it('reads a word as a noun by its most frequent part of speech, else by its form', () => {
    for (const noun of ['toilet', 'kitchen', 'album', 'faucet', 'beyonce']) expect(readsAsNoun(noun), noun).toBe(true);
    // Verbs (irregular forms too), adjectives, and forms of verbs and adverbs the lexicon does not list.
    for (const other of ['took', 'froze', 'climbing', 'worried', 'convince', 'loud', 'quietly', 'swamped'])
      expect(readsAsNoun(other), other).toBe(false);
  });

  it('the committed list names things of everyday life, never a word of manuals or a verb', () => {
    const committed = new Set(everydayThingsJson.split(' '));
    for (const word of ['toilet', 'kitchen', 'restaurant', 'garden', 'bachelor', 'gifts'])
      expect(committed.has(word), word).toBe(true);
    for (const word of ['keyboard', 'printer', 'router', 'server', 'thread', 'leak', 'password', 'climbing', 'took'])
      expect(committed.has(word), word).toBe(false);
  });
});
