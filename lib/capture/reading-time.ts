/**
 * How long a copy takes to read, from its text. Words between spaces count at 230 a minute; Chinese and
 * Japanese at the rates the International Reading Speed Texts measured in characters (Trauzettel-
 * Klosinski et al., 2012: 255 a minute in Chinese, 357 in Japanese, where kana make characters quicker
 * to read); Thai, Lao, Khmer and Burmese, written without spaces between words, in words found by
 * `Intl.Segmenter`, at the rate of words. Counting each character as a word at 230 a minute made a
 * Japanese article half again as long as it is, and a Thai one three times.
 */
const WORDS_PER_MINUTE = 230;
const CHINESE_CHARACTERS_PER_MINUTE = 255;
const JAPANESE_CHARACTERS_PER_MINUTE = 357;

const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const HAN_OR_KANA_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc]+/gu;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const SOUTHEAST_ASIAN_RUN = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]+/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Where no word segmenter exists: letters a word of these scripts has, about. */
const LETTERS_PER_WORD = 3;

let wordSegmenter: Intl.Segmenter | null | undefined;

/** Words of a run of Thai, Lao, Khmer or Burmese (dictionary-based in every browser Shelf supports). */
function segmentedWords(run: string): number {
  wordSegmenter ??=
    typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'word' }) : null;
  if (!wordSegmenter) return Math.ceil(run.length / LETTERS_PER_WORD);
  let words = 0;
  for (const segment of wordSegmenter.segment(run)) if (segment.isWordLike) words++;
  return words;
}

export function readMinutesOf(text: string): number {
  if (!UNSPACED.test(text)) return minutesAtLeastOne(text.split(/\s+/).filter(Boolean).length / WORDS_PER_MINUTE);
  let characters = 0;
  let words = 0;
  const spaced = text
    .replace(HAN_OR_KANA_RUN, (run) => {
      characters += run.length;
      return ' ';
    })
    .replace(SOUTHEAST_ASIAN_RUN, (run) => {
      words += segmentedWords(run);
      return ' ';
    });
  // What is left between the runs: words of spaced scripts, and punctuation, which is no word.
  for (const chunk of spaced.split(/\s+/)) if (LETTER_OR_DIGIT.test(chunk)) words++;
  const perMinute = KANA.test(text) ? JAPANESE_CHARACTERS_PER_MINUTE : CHINESE_CHARACTERS_PER_MINUTE;
  return minutesAtLeastOne(characters / perMinute + words / WORDS_PER_MINUTE);
}

function minutesAtLeastOne(minutes: number): number {
  return Math.max(1, Math.round(minutes));
}
