/**
 * Regenerates the prebuilt search index, the everyday words near it, the related-articles model (with
 * the articles' subject vocabulary, `lib/corpus/subject-vocabulary.ts`, and documentation neighbours,
 * `lib/corpus/documentation-neighbours.ts`) and
 * what everyday words are worth when ranking and matching related articles, from the bundled articles;
 * and the plain words search reads for the articles' terms (`lib/corpus/plain-words.ts`):
 * `assets/data/search-index.json`, `assets/data/everyday-words.json`, `assets/data/related-model.json`,
 * `assets/data/everyday-discounts.json`, `assets/data/words-telling-how.json` (with the dev
 * dependency `wink-lexicon`) and `assets/data/plain-word-synonyms.json`; and the field search
 * ranks and lists by but never decides with (subject vocabulary and plain phrases, `lib/search/aside.ts`):
 * `assets/data/search-aside.json`.
 * Usage: npm run index (also run by npm run catalog). The outputs are committed; unit tests check
 * that they match the articles, so they cannot go stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Article } from '@/lib/corpus/article';
import { PLAIN_WORDS } from '@/lib/corpus/plain-words';
import { SUBJECT_VOCABULARY } from '@/lib/corpus/subject-vocabulary';
import { buildRelatedModel } from '@/lib/related/model';
import { neighbourTermsOfArticle, subjectTermsOfArticle } from '@/lib/related/subject-terms';
import { asideEntriesOf, buildAsideIndex } from '@/lib/search/aside';
import { buildSearchIndex, toSearchDocument } from '@/lib/search/build-index';
import { buildPlainWordSynonyms } from '@/lib/search/synonyms';
import { createVocabulary, documentCount } from '@/lib/search/vocabulary';
import { buildWordsTellingHow } from '@/scripts/cli/everyday-things';
import { buildEverydayDiscounts, buildEverydayWords, spokenWords } from '@/scripts/cli/everyday-words';

const articles = JSON.parse(readFileSync(resolve('assets/data/articles.json'), 'utf8')) as Article[];
const target = resolve('assets/data/search-index.json');
const index = buildSearchIndex(articles.map(toSearchDocument));
writeFileSync(target, `${JSON.stringify(index)}\n`);
console.log(`wrote the search index (${index.terms.length} terms, ${index.words.length} words) to ${target}`);

const everydayTarget = resolve('assets/data/everyday-words.json');
const everydayWords = buildEverydayWords(index);
writeFileSync(everydayTarget, `${JSON.stringify(everydayWords)}\n`);
console.log(`wrote ${everydayWords.length} everyday words one typo from the index's to ${everydayTarget}`);

const modelTarget = resolve('assets/data/related-model.json');
const model = buildRelatedModel(articles, {
  subjectTermsOf: subjectTermsOfArticle,
  neighbourTermsOf: neighbourTermsOfArticle,
});
writeFileSync(modelTarget, `${JSON.stringify(model)}\n`);
console.log(`wrote the related-articles model (${model.terms.length} terms) to ${modelTarget}`);

const discountsTarget = resolve('assets/data/everyday-discounts.json');
const discounts = buildEverydayDiscounts();
writeFileSync(discountsTarget, `${JSON.stringify(discounts)}\n`);
console.log(
  `wrote what ${discounts.reduce((sum, [, stems]) => sum + stems.split(' ').length, 0)} everyday words are worth when ranking and matching related articles to ${discountsTarget}`,
);

// From speech and the lexicon alone, not the articles: here rather than in documentation-words, which
// needs the Debian manuals installed.
const howTarget = resolve('assets/data/words-telling-how.json');
const wordsTellingHow = buildWordsTellingHow(spokenWords());
// One string of words, as everyday-things.json: the popup's bundle parses it in a moment.
writeFileSync(howTarget, `${JSON.stringify(wordsTellingHow.join(' '))}\n`);
console.log(`wrote ${wordsTellingHow.length} adverbs and past forms of verbs to ${howTarget}`);

const plainWordsTarget = resolve('assets/data/plain-word-synonyms.json');
const vocabulary = createVocabulary(index);
const plainWordSynonyms = buildPlainWordSynonyms(PLAIN_WORDS, (term) => documentCount(vocabulary, term));
writeFileSync(plainWordsTarget, `${JSON.stringify(plainWordSynonyms)}\n`);
console.log(`wrote ${plainWordSynonyms.length} plain phrases and the terms they stand for to ${plainWordsTarget}`);

const asideTarget = resolve('assets/data/search-aside.json');
const aside = buildAsideIndex(
  articles.map(({ id }) => ({ id, entries: asideEntriesOf(id, SUBJECT_VOCABULARY, PLAIN_WORDS) })),
);
writeFileSync(asideTarget, `${JSON.stringify(aside)}\n`);
console.log(`wrote the aside field (${aside.terms.length} terms) to ${asideTarget}`);
