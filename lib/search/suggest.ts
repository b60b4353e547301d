import { analyzeQueryWords, isStopWord, pairTerm, termsOfWord } from '@/lib/search/text';
import { isLikelyTypo, type TypoMatcher } from '@/lib/search/typo';
import type { Vocabulary } from '@/lib/search/vocabulary';

const SUGGEST_THRESHOLD = 0.6;
const SUGGEST_POOL = 5;

/** How one index reads a query word for "Did you mean": known as typed, its closest plausible word, or neither. */
export type WordSpelling =
  | { surface: string; known: true }
  | { surface: string; known: false; correction: { word: string; edits: number; similarity: number } | null };

/** Each query word as one index spells it (words under three letters count as known: too short to guess). */
export function spellQuery(
  vocabulary: Vocabulary,
  typos: TypoMatcher,
  query: string,
  /** Whether a word, by its term, is meant as written (a user's library: a word everyday speech uses): never corrected. */
  meantAsWritten: (term: string) => boolean = () => false,
): WordSpelling[] {
  const shortlists: Array<ReadonlyArray<[string, number, number]>> = [];
  const spellings = analyzeQueryWords(query).map(({ surface, term }): WordSpelling => {
    shortlists.push([]);
    if (surface.length < 3 || termsOfWord(surface).some((known) => vocabulary.termIndex(known) >= 0))
      return { surface, known: true };
    if (meantAsWritten(term)) return { surface, known: false, correction: null };
    // Only the words sharing the most letter pairs: a looser threshold must not pick a short,
    // common word ("thing" for "thndrng").
    const plausible = typos
      .fuzzyWords(surface, { threshold: SUGGEST_THRESHOLD, limit: PAIR_SHORTLIST, pool: SUGGEST_POOL, maxEdits: 3 })
      // A word of its own ("lemon", "sudan") is not a misspelling of the nearest library word; nor is
      // a word every search drops one to offer ("wash the car": "Did you mean “was card”?", QA pass).
      .filter(([word]) => !isStopWord(word) && isPlausibleMisspelling(surface, word));
    shortlists[shortlists.length - 1] = plausible;
    const [best] = plausible;
    if (!best) return { surface, known: false, correction: null };
    return { surface, known: false, correction: { word: best[0], similarity: best[1], edits: best[2] } };
  });
  return withIndexedPairs(vocabulary, spellings, shortlists);
}

/** How many plausible corrections of a word are tried for a pair the index holds with its neighbour. */
const PAIR_SHORTLIST = 3;

/**
 * Neighbouring words corrected so that together they are a pair the index holds, where one is
 * among their plausible corrections: "thndrng hrd" is "thundering herd", not "thundering hard"
 * ("hard" the closer word alone).
 */
function withIndexedPairs(
  vocabulary: Vocabulary,
  spellings: WordSpelling[],
  shortlists: ReadonlyArray<ReadonlyArray<[string, number, number]>>,
): WordSpelling[] {
  const choices = (at: number): Array<[string, number, number] | null> => {
    const spelling = spellings[at] as WordSpelling;
    return spelling.known ? [null] : [...(shortlists[at] ?? [])];
  };
  const wordOf = (at: number, choice: [string, number, number] | null) =>
    choice ? choice[0] : (spellings[at] as WordSpelling).surface;
  const indexed = (a: string, b: string) =>
    termsOfWord(a).some((x) => termsOfWord(b).some((y) => vocabulary.termIndex(pairTerm(x, y)) >= 0));
  for (let at = 0; at + 1 < spellings.length; at++) {
    if (spellings[at]?.known && spellings[at + 1]?.known) continue;
    const first = choices(at);
    const second = choices(at + 1);
    // The closest pair first: the sum of the two words' places in their shortlists.
    const found = first
      .flatMap((a, i) => second.map((b, j) => ({ a, b, rank: i + j })))
      .sort((x, y) => x.rank - y.rank)
      .find(({ a, b }) => indexed(wordOf(at, a), wordOf(at + 1, b)));
    if (!found) continue;
    for (const [place, choice] of [
      [at, found.a],
      [at + 1, found.b],
    ] as const)
      if (choice) {
        const { surface } = spellings[place] as WordSpelling;
        spellings[place] = {
          surface,
          known: false,
          correction: { word: choice[0], similarity: choice[1], edits: choice[2] },
        };
      }
  }
  return spellings;
}

/**
 * Stage 5, "Did you mean", over one or more indexes (the blog's and the user's library): the query
 * with each word no index knows replaced by the closest plausible word any of them holds; null when
 * there is nothing to correct, or a word none can correct (the query is then not a misspelling).
 */
export function suggestionOf(spellings: ReadonlyArray<readonly WordSpelling[]>): string | null {
  const [first] = spellings;
  if (!first || spellings.some((one) => one.length !== first.length)) return null;
  let changed = false;
  const words: string[] = [];
  for (let at = 0; at < first.length; at++) {
    const readings = spellings.map((one) => one[at] as WordSpelling);
    if (readings.some((reading) => reading.known)) {
      words.push(first[at]?.surface as string);
      continue;
    }
    const corrections = readings.flatMap((reading) =>
      !reading.known && reading.correction ? [reading.correction] : [],
    );
    const [closest] = corrections.sort((a, b) => a.edits - b.edits || b.similarity - a.similarity);
    if (!closest) return null;
    changed = true;
    words.push(closest.word);
  }
  return changed ? words.join(' ') : null;
}

/** "Did you mean" over one index: the query with each unknown word replaced by its closest known word, or null. */
export function suggestCorrection(vocabulary: Vocabulary, typos: TypoMatcher, query: string): string | null {
  return suggestionOf([spellQuery(vocabulary, typos, query)]);
}

/** A slip of the fingers, or the word typed with letters left out ("thndrng" for "thundering"). */
function isPlausibleMisspelling(typed: string, word: string): boolean {
  if (isLikelyTypo(typed, word)) return true;
  let at = 0;
  for (const letter of word) if (letter === typed[at]) at++;
  return at === typed.length && typed[0] === word[0];
}
