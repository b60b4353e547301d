import { BLOG_SITE, type BlogSite } from '@/lib/catalog-updates/blog-site';
import {
  type CatalogMatcher,
  createCatalogMatcher,
  type MatchEvidence,
  type NearestArticle,
  type PageText,
} from '@/lib/catalog-updates/matcher';
import {
  type FieldSource,
  type LearnedArticleRecord,
  type LearnedFields,
  OVERLAY_LIMITS,
  type OverlayChanges,
  type OverlayRecord,
  overlayRecordSchema,
} from '@/lib/catalog-updates/overlay-schema';
import { matchKey } from '@/lib/catalog-updates/text';
import type { Article } from '@/lib/corpus/article';
import { slugify } from '@/lib/corpus/normalize';
import { clip } from '@/lib/search/shown-line';

/**
 * Turns what the blog says about one article (its page, or its item in a feed) into overlay
 * records: a link to a bundled article, a new learned article, or a candidate page of an
 * ambiguous one. Keeps the overlay in memory and returns each change for the store.
 */
export interface ArticleEvidence extends PageText {
  published: string | null;
  tags: readonly string[];
  source: FieldSource;
}

export type LearnOutcome =
  | {
      kind: 'linked';
      url: string;
      articleId: string;
      by: MatchEvidence;
      addressFilled: boolean;
      titleConfirmed: boolean;
      /** The address it had, which the blog no longer lists: the article moved. */
      movedFrom?: string;
    }
  | { kind: 'learned'; url: string; id: string; isNew: boolean; movedFrom?: string }
  /** One of two pages a bundled summary fits, carrying that summary: kept until the blog's text decides. */
  | { kind: 'waiting'; url: string; articleId: string }
  | { kind: 'ambiguous'; url: string; articleIds: string[]; reason: string }
  | { kind: 'near-miss'; url: string; field: 'description' | 'title'; closest: NearestArticle }
  /** A feed item close to a bundled article but not it: feeds often cut descriptions, so its page decides. */
  | { kind: 'read-page'; url: string }
  | { kind: 'skipped'; url: string; reason: string }
  /** A record this learner counted (an address filled, a title confirmed, a new article), since replaced: its counts are taken back. */
  | { kind: 'uncounted'; id: string; addressFilled: boolean; titleConfirmed: boolean; isNew: boolean };

export interface LearnResult {
  outcomes: LearnOutcome[];
  changes: OverlayChanges;
}

/** Whether the blog (its feed or sitemap, as read in this update) still lists an address. */
export type StillListed = (url: string) => boolean;

export interface CatalogLearner {
  /**
   * `stillListed` decides whether an article whose exact text arrives from a new address has moved
   * there; by default every address is still listed, so nothing moves.
   */
  learn(evidence: ArticleEvidence, stillListed?: StillListed): LearnResult;
  /** The overlay as it stands. */
  records(): OverlayRecord[];
  /** The address belongs to a bundled article or to an overlay record. */
  knows(url: string): boolean;
}

const RANK: Record<FieldSource['from'], number> = { sitemap: 1, feed: 2, page: 3 };

/** A learned value replaces another only when it differs and comes from as direct a source. */
function mergeField<T>(
  old: { value: T; source: FieldSource } | undefined,
  value: T | null,
  source: FieldSource,
  same: (a: T, b: T) => boolean,
): { value: T; source: FieldSource } | undefined {
  if (value === null) return old;
  if (old && (same(old.value, value) || RANK[source.from] < RANK[old.source.from])) return old;
  return { value, source };
}

const sameTags = (a: string[], b: string[]) => a.join('\u0000') === b.join('\u0000');

function learnedValues(evidence: ArticleEvidence, description: string | null) {
  const tags = [...new Map(evidence.tags.map((tag) => [tag.toLowerCase(), clip(tag, OVERLAY_LIMITS.maxTag)])).values()];
  const title = evidence.titles[0];
  const firstDescription = description ?? evidence.descriptions[0];
  return {
    title: title ? clip(title, OVERLAY_LIMITS.maxTitle) : null,
    description: firstDescription ? clip(firstDescription, OVERLAY_LIMITS.maxDescription) : null,
    published: evidence.published,
    tags: tags.length > 0 ? tags.slice(0, OVERLAY_LIMITS.maxTags) : null,
  };
}

function mergeFields(old: LearnedFields, evidence: ArticleEvidence, description: string | null): LearnedFields {
  const values = learnedValues(evidence, description);
  const fields: LearnedFields = {
    url: mergeField(old.url, evidence.url, evidence.source, Object.is),
    title: mergeField(old.title, values.title, evidence.source, Object.is),
    description: mergeField(old.description, values.description, evidence.source, Object.is),
    published: mergeField(old.published, values.published, evidence.source, Object.is),
    tags: mergeField(old.tags, values.tags, evidence.source, sameTags),
  };
  for (const key of Object.keys(fields) as Array<keyof LearnedFields>) if (!fields[key]) delete fields[key];
  return fields;
}

/** The fields without their address when the article moved: the new one replaces it whatever its source. */
function withoutUrl(fields: LearnedFields, moved: boolean): LearnedFields {
  if (!moved) return fields;
  const { url: _, ...rest } = fields;
  return rest;
}

export function createCatalogLearner(
  articles: readonly Article[],
  initial: readonly OverlayRecord[],
  site: BlogSite = BLOG_SITE,
  matcher: CatalogMatcher = createCatalogMatcher(articles),
): CatalogLearner {
  const bundled = new Map(articles.map((article) => [article.id, article]));
  const bundledUrls = new Set(articles.flatMap((article) => article.url ?? []));
  const records = new Map(initial.map((record) => [record.id, record]));
  const urlOwner = new Map<string, string>();
  for (const record of initial) if (record.fields.url) urlOwner.set(record.fields.url.value, record.id);

  let changes: OverlayChanges = { put: [], remove: [] };
  /** What each record learned by this learner was counted for, so a later replacement takes it back. */
  const counted = new Map<string, { addressFilled: boolean; titleConfirmed: boolean; isNew: boolean }>();
  let uncounted: LearnOutcome[] = [];
  const count = (id: string, add: { addressFilled?: boolean; titleConfirmed?: boolean; isNew?: boolean }) => {
    const old = counted.get(id) ?? { addressFilled: false, titleConfirmed: false, isNew: false };
    counted.set(id, {
      addressFilled: old.addressFilled || (add.addressFilled ?? false),
      titleConfirmed: old.titleConfirmed || (add.titleConfirmed ?? false),
      isNew: old.isNew || (add.isNew ?? false),
    });
  };
  const put = (record: OverlayRecord): string | null => {
    const checked = overlayRecordSchema.safeParse(record);
    if (!checked.success) return checked.error.issues[0]?.message ?? 'invalid record';
    const previous = records.get(record.id);
    if (previous?.fields.url && previous.fields.url.value !== record.fields.url?.value) {
      urlOwner.delete(previous.fields.url.value);
    }
    records.set(record.id, checked.data);
    if (checked.data.fields.url) urlOwner.set(checked.data.fields.url.value, record.id);
    changes.remove = changes.remove.filter((id) => id !== record.id);
    changes.put = [...changes.put.filter((r) => r.id !== record.id), checked.data];
    return null;
  };
  const remove = (id: string) => {
    const record = records.get(id);
    if (!record) return;
    if (record.fields.url && urlOwner.get(record.fields.url.value) === id) urlOwner.delete(record.fields.url.value);
    records.delete(id);
    const wasCounted = counted.get(id);
    if (wasCounted) uncounted.push({ kind: 'uncounted', id, ...wasCounted });
    counted.delete(id);
    changes.put = changes.put.filter((r) => r.id !== id);
    if (!changes.remove.includes(id)) changes.remove.push(id);
  };

  /** The slug of the address's last segment, or of its whole path if that is taken by another article. */
  const idFor = (url: string): string | null => {
    const path = new URL(url).pathname.split('/').filter(Boolean);
    for (const id of [slugify(path.at(-1) ?? ''), slugify(path.join('-'))]) {
      const owner = records.get(id);
      if (id && !bundled.has(id) && (!owner || owner.fields.url?.value === url)) return id;
    }
    return null;
  };

  let stillListed: StillListed = () => true;

  const link = (articleId: string, by: MatchEvidence, evidence: ArticleEvidence, description: string | null) => {
    const url = evidence.url;
    const previous = records.get(articleId);
    const oldUrl = previous?.kind === 'linked' ? previous.fields.url?.value : undefined;
    // Only the article's exact summary, from an address the blog lists instead of the old one, moves it.
    const moved = oldUrl !== undefined && oldUrl !== url && by === 'description' && !stillListed(oldUrl);
    if (oldUrl !== undefined && oldUrl !== url && !moved) {
      const reason = `its article is already linked to ${oldUrl}`;
      return { kind: 'ambiguous', url, articleIds: [articleId], reason } satisfies LearnOutcome;
    }
    const oldFields: LearnedFields = previous?.kind === 'linked' ? withoutUrl(previous.fields, moved) : {};
    const ownerId = urlOwner.get(url);
    if (ownerId && ownerId !== articleId) remove(ownerId);
    const problem = put({
      kind: 'linked',
      id: articleId,
      matchedBy: previous?.kind === 'linked' ? previous.matchedBy : by,
      fields: mergeFields(oldFields, evidence, description),
    });
    if (problem) return { kind: 'skipped', url, reason: problem } satisfies LearnOutcome;
    const addressFilled = !bundled.get(articleId)?.url && !oldFields.url && !moved;
    const titleConfirmed = !oldFields.title && evidence.titles.length > 0;
    count(articleId, { addressFilled, titleConfirmed });
    return {
      kind: 'linked',
      url,
      articleId,
      by,
      addressFilled,
      titleConfirmed,
      ...(moved && { movedFrom: oldUrl }),
    } satisfies LearnOutcome;
  };

  // A learned record's title and description as one key, kept per record object (a put makes a new one):
  // every new article's evidence is compared with every learned record.
  const textKeys = new WeakMap<OverlayRecord, string>();
  const textKey = (record: LearnedArticleRecord) => {
    let key = textKeys.get(record);
    if (key === undefined) {
      key = `${matchKey(record.fields.title.value)}\u0000${matchKey(record.fields.description?.value ?? '')}`;
      textKeys.set(record, key);
    }
    return key;
  };
  /**
   * The one learned article whose title and description are exactly this page's, at an address the
   * blog no longer lists: the blog renamed its slug. Two such articles, or any near text, move nothing.
   */
  const movedLearned = (evidence: ArticleEvidence): LearnedArticleRecord | undefined => {
    const title = evidence.titles[0];
    if (!title) return undefined;
    const keys = new Set(evidence.descriptions.flatMap((text) => `${matchKey(title)}\u0000${matchKey(text)}`));
    const same = [...records.values()].filter(
      (record): record is LearnedArticleRecord =>
        record.kind === 'learned' &&
        record.fields.description !== undefined &&
        record.fields.url.value !== evidence.url &&
        keys.has(textKey(record)),
    );
    const [record] = same;
    return same.length === 1 && record && !stillListed(record.fields.url.value) ? record : undefined;
  };

  const learnNew = (evidence: ArticleEvidence): LearnOutcome => {
    const url = evidence.url;
    if (evidence.titles.length === 0) return { kind: 'skipped', url, reason: 'the page names no title' };
    const ownerId = urlOwner.get(url);
    const owner = ownerId ? records.get(ownerId) : undefined;
    // A moved article keeps its id, so what the user saved of it stays attached.
    const moved = owner ? undefined : movedLearned(evidence);
    const id = owner?.kind === 'learned' ? owner.id : (moved?.id ?? idFor(url));
    if (!id) return { kind: 'skipped', url, reason: 'no free id for its address' };
    if (owner && owner.id !== id) remove(owner.id);
    const oldFields: LearnedFields = owner?.kind === 'learned' ? owner.fields : withoutUrl(moved?.fields ?? {}, true);
    const fields = mergeFields(oldFields, evidence, null);
    if (!fields.url || !fields.title) return { kind: 'skipped', url, reason: 'no address or title' };
    const problem = put({ kind: 'learned', id, fields: { ...fields, url: fields.url, title: fields.title } });
    if (problem) return { kind: 'skipped', url, reason: problem };
    const movedFrom = moved?.fields.url.value;
    const isNew = !oldFields.url && !moved;
    count(id, { isNew });
    return { kind: 'learned', url, id, isNew, ...(movedFrom && { movedFrom }) };
  };

  /**
   * A bundled summary that fits two pages belongs to one of them only when exactly one page carries
   * it as its own description and every other candidate page is known to carry a different one.
   */
  const resolve = (articleId: string): LearnOutcome[] => {
    const article = bundled.get(articleId);
    if (!article || records.get(articleId)?.fields.url) return [];
    const owners = article.possibleMatches.map((match) => {
      const id = urlOwner.get(match.url);
      return id ? records.get(id) : undefined;
    });
    const describing = owners.filter((record) => record?.kind === 'candidate');
    const notDescribing = owners.filter((record) => record?.kind === 'learned');
    const [winner] = describing;
    if (describing.length > 1) {
      const url = winner?.fields.url?.value ?? '';
      return [
        { kind: 'ambiguous', url, articleIds: [articleId], reason: 'both of its candidate pages carry its summary' },
      ];
    }
    if (!winner?.fields.url || notDescribing.length !== owners.length - 1) return [];
    const fields = winner.fields;
    remove(winner.id);
    const evidence: ArticleEvidence = {
      url: fields.url.value,
      titles: fields.title ? [fields.title.value] : [],
      descriptions: fields.description ? [fields.description.value] : [],
      published: fields.published?.value ?? null,
      tags: fields.tags?.value ?? [],
      source: fields.url.source,
    };
    return [link(articleId, 'description', evidence, fields.description?.value ?? null)];
  };

  const asCandidate = (articleId: string, evidence: ArticleEvidence, description: string): LearnOutcome[] => {
    const ownerId = urlOwner.get(evidence.url);
    const owner = ownerId ? records.get(ownerId) : undefined;
    const id = owner?.kind === 'candidate' ? owner.id : idFor(evidence.url);
    if (!id) return [{ kind: 'skipped', url: evidence.url, reason: 'no free id for its address' }];
    if (owner && owner.id !== id) remove(owner.id);
    const fields = mergeFields(owner?.kind === 'candidate' ? owner.fields : {}, evidence, description);
    if (!fields.url) return [{ kind: 'skipped', url: evidence.url, reason: 'no address' }];
    const problem = put({ kind: 'candidate', id, candidateFor: articleId, fields: { ...fields, url: fields.url } });
    if (problem) return [{ kind: 'skipped', url: evidence.url, reason: problem }];
    const resolved = resolve(articleId);
    return resolved.length > 0 ? resolved : [{ kind: 'waiting', url: evidence.url, articleId }];
  };

  const learnOne = (evidence: ArticleEvidence): LearnOutcome[] => {
    const url = evidence.url;
    if (!site.isArticleUrl(url)) return [{ kind: 'skipped', url, reason: 'not an article address' }];
    const match = matcher.match(evidence);
    const ownerId = urlOwner.get(url);
    const owner = ownerId ? records.get(ownerId) : undefined;
    // An address tied to a bundled article earlier stays tied to it, even if the page's text has changed since.
    if (owner?.kind === 'linked' && match.kind !== 'ambiguous' && match.kind !== 'linked') {
      return [link(owner.id, 'url', evidence, null)];
    }
    switch (match.kind) {
      case 'linked': {
        const description = evidence.descriptions.find((text) => matcher.describes(match.articleId, [text]));
        return [link(match.articleId, match.by, evidence, description ?? null)];
      }
      case 'candidate': {
        const summary = bundled.get(match.articleId)?.summary ?? '';
        const description = evidence.descriptions.find((text) => matchKey(text) === matchKey(summary));
        if (match.describes && description) return asCandidate(match.articleId, evidence, description);
        return [learnNew(evidence), ...resolve(match.articleId)];
      }
      case 'ambiguous':
        return [{ kind: 'ambiguous', url, articleIds: match.articleIds, reason: match.reason }];
      case 'near-miss':
        if (evidence.source.from === 'feed') return [{ kind: 'read-page', url }];
        // Not linked; still one of the blog's own articles, so it is kept as a new one and named in the report.
        return [{ kind: 'near-miss', url, field: match.field, closest: match.closest }, learnNew(evidence)];
      case 'none':
        return [learnNew(evidence)];
    }
  };

  return {
    learn(evidence, listed = () => true) {
      changes = { put: [], remove: [] };
      stillListed = listed;
      uncounted = [];
      const outcomes = [...learnOne(evidence), ...uncounted];
      return { outcomes, changes };
    },
    records: () => [...records.values()],
    knows: (url) => bundledUrls.has(url) || urlOwner.has(url),
  };
}
