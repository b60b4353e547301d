import { countSpacedWords, UNSPACED, UNSPACED_SCRIPTS } from '@/lib/search/unspaced';

/**
 * How long a copy takes to read, from its text. Words between spaces count at 230 a minute; Chinese and
 * Japanese at the rates the International Reading Speed Texts measured in characters (Trauzettel-
 * Klosinski et al., 2012: 255 a minute in Chinese, 357 in Japanese, where kana make characters quicker
 * to read); Thai, Lao, Khmer and Burmese, written without spaces between words, in the words
 * `Intl.Segmenter` finds (Chrome 87, Firefox 125), at the rate of words. Counting each character as a
 * word at 230 a minute made a Japanese article half again as long as it is, and a Thai one three times.
 */
const WORDS_PER_MINUTE = 230;
const CHINESE_CHARACTERS_PER_MINUTE = 255;
const JAPANESE_CHARACTERS_PER_MINUTE = 357;
/**
 * The share of kana among a text's Chinese and Japanese characters from which it reads as Japanese
 * (Japanese prose is mostly kana): a Chinese article quoting a title in Japanese is still Chinese.
 */
const JAPANESE_KANA_SHARE = 0.2;

// With the long-vowel mark and the half-width one and sound marks, which belong to no script.
const HAN_OR_KANA_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc\uff70\uff9e\uff9f]+/gu;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}\u30fc\uff70\uff9e\uff9f]/gu;
const SOUTHEAST_ASIAN_RUN = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]+/gu;
const HIGH_SURROGATE = /[\ud800-\udbff]/g;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

let wordSegmenter: Intl.Segmenter | undefined;

/** Words of runs of Thai, Lao, Khmer or Burmese, segmented at once (one call a run took seconds on hostile text). */
function segmentedWords(runs: readonly string[]): number {
  if (runs.length === 0) return 0;
  wordSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  let words = 0;
  for (const segment of wordSegmenter.segment(runs.join(' '))) if (segment.isWordLike) words++;
  return words;
}

/** Characters, not UTF-16 units: a character beyond the first plane (rarer Han) is one. */
function characterCount(run: string): number {
  return run.length - (run.match(HIGH_SURROGATE)?.length ?? 0);
}

export function readMinutesOf(text: string): number {
  if (!UNSPACED.test(text)) return minutesAtLeastOne(countSpacedWords(text) / WORDS_PER_MINUTE);
  let characters = 0;
  let kana = 0;
  const southeastAsian: string[] = [];
  const spaced = text
    .replace(HAN_OR_KANA_RUN, (run) => {
      characters += characterCount(run);
      kana += run.match(KANA)?.length ?? 0;
      return ' ';
    })
    .replace(SOUTHEAST_ASIAN_RUN, (run) => {
      southeastAsian.push(run);
      return ' ';
    });
  let words = segmentedWords(southeastAsian);
  // What is left between the runs: words of spaced scripts, and punctuation, which is no word.
  for (const chunk of spaced.split(/\s+/)) if (LETTER_OR_DIGIT.test(chunk)) words++;
  const perMinute =
    kana >= characters * JAPANESE_KANA_SHARE ? JAPANESE_CHARACTERS_PER_MINUTE : CHINESE_CHARACTERS_PER_MINUTE;
  return minutesAtLeastOne(characters / perMinute + words / WORDS_PER_MINUTE);
}

function minutesAtLeastOne(minutes: number): number {
  return Math.max(1, Math.round(minutes));
}

/**
 * Languages written without spaces between words, whose copies' counts are characters (a character of
 * them is a word to `countWords`): the reader calls them so.
 */
const COUNTED_IN_CHARACTERS = new Set(['zh', 'ja', 'th', 'lo', 'km', 'my', 'yue']);

/** Characters of a copy's text read for its script when its page declares no language. */
const SCRIPT_SAMPLE = 2000;
const UNSPACED_CHARACTER = new RegExp(`[${UNSPACED_SCRIPTS}]`, 'gu');
const LETTER = /\p{L}/gu;

/**
 * What a copy's count counts, by its language ("zh-CN", "ja"): characters or words. A page that declares
 * none (Chinese news sites often do not) is read by its text's script: characters when most letters
 * of its opening are of a script written without spaces (`countWords` counts each as a word).
 */
export function countedUnitOf(lang: string | null | undefined, text = ''): 'characters' | 'words' {
  const primary = lang?.toLowerCase().split(/[-_]/)[0];
  if (primary) return COUNTED_IN_CHARACTERS.has(primary) ? 'characters' : 'words';
  const sample = text.slice(0, SCRIPT_SAMPLE);
  const unspaced = sample.match(UNSPACED_CHARACTER)?.length ?? 0;
  return unspaced > 0 && unspaced * 2 >= (sample.match(LETTER)?.length ?? 0) ? 'characters' : 'words';
}
