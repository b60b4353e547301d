import type { FieldSource, LearnedArticleRecord, OverlayRecord } from '@/lib/catalog-updates/overlay-schema';
import { createTopicGuesser, type TopicClues } from '@/lib/catalog-updates/topic-guess';
import type { Article } from '@/lib/corpus/article';
import { uniqueTags } from '@/lib/corpus/normalize';
import type { TopicId } from '@/lib/corpus/topics';

/** The fields of an article the blog can supply. */
export type LearnedFieldName = 'url' | 'title' | 'published' | 'tags' | 'summary';

/**
 * The catalog as search, cards, related articles and exports see it: the bundled articles with what
 * was learned from the blog filled in where the bundle has nothing (an address, a date, the blog's
 * tags) or only a title Shelf wrote, then the articles learned from the blog. The bundle itself is
 * never changed: this returns new objects.
 */
export interface CatalogArticle extends Article {
  /** An article the bundled catalog does not have, learned from the blog. */
  learned: boolean;
  /** For a learned article, where Shelf first read it. */
  source: FieldSource | null;
  /** The fields shown from the blog rather than the bundle, each with where and when it was read. */
  learnedFields: Partial<Record<LearnedFieldName, FieldSource>>;
  /** A learned article's topic is Shelf's guess from its tags and title. */
  topicGuessed: boolean;
}

export interface ApplyOverlayOptions {
  /** The topic of a learned article; by default guessed from the bundled articles' tags. */
  topicOf?: (clues: TopicClues) => TopicId;
}

/** `corpusLine` of a learned article: it has no line in the upstream catalog. */
export const NOT_IN_CORPUS = -1;
const MAX_TAGS = 5;

export function applyOverlay(
  articles: readonly Article[],
  overlay: readonly OverlayRecord[],
  options: ApplyOverlayOptions = {},
): CatalogArticle[] {
  const linked = new Map(overlay.flatMap((record) => (record.kind === 'linked' ? [[record.id, record] as const] : [])));
  const takenUrls = new Set(articles.flatMap((article) => article.url ?? []));
  const bundledIds = new Set(articles.map((article) => article.id));

  const result: CatalogArticle[] = articles.map((article) => {
    const out: CatalogArticle = { ...article, learned: false, source: null, learnedFields: {}, topicGuessed: false };
    const fields = linked.get(article.id)?.fields;
    if (!fields) return out;
    if (!article.url && fields.url && !takenUrls.has(fields.url.value)) {
      out.url = fields.url.value;
      out.possibleMatches = [];
      out.learnedFields.url = fields.url.source;
      takenUrls.add(fields.url.value);
    }
    if (article.titleSource === 'written' && fields.title) {
      out.title = fields.title.value;
      out.titleSource = 'catalog';
      out.learnedFields.title = fields.title.source;
    }
    if (!article.published && fields.published) {
      out.published = fields.published.value;
      out.learnedFields.published = fields.published.source;
    }
    const tags = fields.tags ? uniqueTags(fields.tags.value) : [];
    if (!article.catalogTags && tags.length > 0 && fields.tags) {
      out.catalogTags = tags;
      out.learnedFields.tags = fields.tags.source;
    }
    return out;
  });

  const topicOf = options.topicOf ?? createTopicGuesser(articles);
  const learned = overlay
    .filter((record): record is LearnedArticleRecord => record.kind === 'learned')
    .filter((record) => !bundledIds.has(record.id) && !takenUrls.has(record.fields.url.value))
    .sort((a, b) => a.id.localeCompare(b.id));
  for (const record of learned) {
    takenUrls.add(record.fields.url.value);
    result.push(learnedArticle(record, topicOf));
  }
  return result;
}

function learnedArticle(record: LearnedArticleRecord, topicOf: (clues: TopicClues) => TopicId): CatalogArticle {
  const { url, title, description, published, tags } = record.fields;
  const blogTags = tags ? uniqueTags(tags.value) : [];
  const learnedFields: CatalogArticle['learnedFields'] = { url: url.source, title: title.source };
  if (description) learnedFields.summary = description.source;
  if (published) learnedFields.published = published.source;
  if (tags) learnedFields.tags = tags.source;
  return {
    id: record.id,
    title: title.value,
    titleSource: 'catalog',
    summary: description?.value ?? '',
    summaryTruncated: false,
    topic: topicOf({ title: title.value, tags: blogTags }),
    tags: blogTags.slice(0, MAX_TAGS),
    catalogTags: blogTags.length > 0 ? blogTags : null,
    category: null,
    url: url.value,
    possibleMatches: [],
    readMinutes: null,
    published: published?.value ?? null,
    corpusLine: NOT_IN_CORPUS,
    learned: true,
    source: url.source,
    learnedFields,
    topicGuessed: true,
  };
}
