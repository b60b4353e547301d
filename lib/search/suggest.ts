import { analyzeQueryWords, termsOfWord } from '@/lib/search/text';
import { isLikelyTypo, type TypoMatcher } from '@/lib/search/typo';
import type { Vocabulary } from '@/lib/search/vocabulary';

const SUGGEST_THRESHOLD = 0.6;
const SUGGEST_POOL = 5;

/**
 * Stage 5, "Did you mean": the query with each word the index does not know replaced by its
 * closest known word, or null when there is nothing to correct.
 */
export function suggestCorrection(vocabulary: Vocabulary, typos: TypoMatcher, query: string): string | null {
  const words = analyzeQueryWords(query);
  let changed = false;
  let unsure = false;
  const corrected = words.map((word) => {
    if (termsOfWord(word.surface).some((term) => vocabulary.termIndex(term) >= 0) || word.surface.length < 3)
      return word.surface;
    // Only the words sharing the most letter pairs: a looser threshold must not pick a short,
    // common word ("thing" for "thndrng").
    const [best] = typos.fuzzyWords(word.surface, {
      threshold: SUGGEST_THRESHOLD,
      limit: 1,
      pool: SUGGEST_POOL,
      maxEdits: 3,
    });
    // A word of its own ("lemon", "sudan") is not a misspelling of the nearest library word.
    if (!best || !isPlausibleMisspelling(word.surface, best[0])) {
      unsure = true;
      return word.surface;
    }
    changed = true;
    return best[0];
  });
  return changed && !unsure ? corrected.join(' ') : null;
}

/** A slip of the fingers, or the word typed with letters left out ("thndrng" for "thundering"). */
function isPlausibleMisspelling(typed: string, word: string): boolean {
  if (isLikelyTypo(typed, word)) return true;
  let at = 0;
  for (const letter of word) if (letter === typed[at]) at++;
  return at === typed.length && typed[0] === word[0];
}
