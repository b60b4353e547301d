import { analyzeQueryWords, termsOfWord } from '@/lib/search/text';
import type { TypoMatcher } from '@/lib/search/typo';
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
    if (!best) return word.surface;
    changed = true;
    return best[0];
  });
  return changed ? corrected.join(' ') : null;
}
