/**
 * A word ending as English verb forms and adverbs do ("flooded", "woken", "fighting", "constantly"), three
 * letters or more before the ending, lowercase as written. Such a word tells how, not what about, unless
 * it is one of the nouns with those endings ("ceiling", "kitten", "pudding", "assembly": the list
 * `npm run index` writes, scripts/cli/everyday-things.ts).
 */
export const VERB_OR_ADVERB_ENDING = /^[a-z]{3,}(?:ly|ed|en|ing)$/;
