/**
 * Words of technical writing that everyday speech knows too ("previous", "vendor", "info", "reuse"):
 * stems most of the manuals Debian ships say at least as often as speech does, per million words other
 * than stop words. Most, not on average: one manual's own jargon is no word of technical writing
 * ("lemon" is SQLite's parser generator, "octopus" and "squash" git's, "gin" PostgreSQL's index). Such a
 * word, unknown to the library and rare in speech, says no everyday world, unlike "dispenser" or
 * "casserole" (see `EverydaySpeech.isManualWord`). Written to `assets/data/manual-words.json` by `npm run
 * documentation-words`, beside the words of every manual (it reads the same pages).
 */
import { stemWord } from '@/lib/search/text';
import { type ManualWordCounts, wordsAsSearchReads } from '@/scripts/cli/everyday-things';
import type { SpokenWord } from '@/scripts/cli/everyday-words';

/**
 * The stems of speech's words (a–z, stop words left out) that more than half of the manuals say at
 * least as often, sorted. Both frequencies per stem, over every form of a word: each manual's own,
 * speech's of SUBTLEX-US. Nothing without manuals.
 */
export function buildManualWords(manuals: readonly ManualWordCounts[], speech: readonly SpokenWord[]): string[] {
  const used = manuals.filter(({ total }) => total > 0);
  if (used.length === 0) return [];
  let spokenTotal = 0;
  const spokenByStem = new Map<string, number>();
  for (const { word, count } of wordsAsSearchReads(speech)) {
    spokenTotal += count;
    const stem = stemWord(word);
    spokenByStem.set(stem, (spokenByStem.get(stem) ?? 0) + count);
  }
  const words: string[] = [];
  for (const [stem, count] of spokenByStem) {
    const spokenPerMillion = (count / spokenTotal) * 1e6;
    const saying = used.filter(({ counts, total }) => ((counts.get(stem) ?? 0) / total) * 1e6 >= spokenPerMillion);
    if (saying.length * 2 > used.length) words.push(stem);
  }
  return words.sort();
}
