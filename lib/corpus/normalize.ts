import { type Article, BLOG_ORIGIN, catalogSchema } from '@/lib/corpus/article';
import { normalizeBlogUrl } from '@/lib/corpus/blog-url';
import type { CurationEntry } from '@/lib/corpus/curation';
import { z } from '@/lib/zod/classic';

/** One line of the upstream `articles.jsonl` (see its README). */
export const rawCatalogLineSchema = z.object({
  description: z.string(),
  title: z.string().nullable(),
  url: z.string().nullable(),
  category: z.string().nullable(),
  tags: z.array(z.string()).nullable(),
  readMinutes: z.number().nullable(),
  published: z.string().nullable(),
  evidence: z.array(z.string()),
});
export type RawCatalogLine = z.infer<typeof rawCatalogLineSchema>;

/**
 * Summaries that fit two articles with near-identical slugs (corpus README, "Known issues").
 * We do not guess between them: no URL, a written title, and both candidates offered in the UI.
 */
export const AMBIGUOUS_SUMMARIES: ReadonlyArray<{ startsWith: string; candidates: Article['possibleMatches'] }> = [
  {
    startsWith: 'ClickHouse is a columnar database',
    candidates: [
      {
        title: 'ClickHouse for Real-Time Analytics — Insert Millions of Rows Per Second',
        url: `${BLOG_ORIGIN}/blog/scaling/clickhouse-analytics-2026`,
      },
      {
        title: 'ClickHouse for Backend Engineers — Real-Time Analytics Without the Data Warehouse Complexity',
        url: `${BLOG_ORIGIN}/blog/scaling/clickhouse-analytics-backend`,
      },
    ],
  },
  {
    startsWith: 'Database branching enables PR-per-database workflows',
    candidates: [
      {
        title: 'Database Branching — Git-Like Workflows for Your Schema',
        url: `${BLOG_ORIGIN}/blog/scaling/database-branching-workflows`,
      },
      {
        title: 'Database Branching — Development Workflows With Neon, PlanetScale, and Branch-Per-PR',
        url: `${BLOG_ORIGIN}/blog/scaling/database-branching-workflow`,
      },
    ],
  },
];

/** The generic category every catalog tag list repeats; it says nothing about an article. */
const GENERIC_TAGS = new Set(['backend']);
const MAX_TAGS = 5;

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\+/g, ' plus ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function slugFromUrl(url: string): string {
  const last = new URL(url).pathname.split('/').filter(Boolean).at(-1);
  if (!last) throw new Error(`URL has no path to take a slug from: ${url}`);
  return slugify(last);
}

/** A summary the listing cut off: it does not end a sentence and is implausibly short. */
function isTruncatedSummary(summary: string): boolean {
  return summary.split(/\s+/).length < 8 && !/[.!?"')]$/.test(summary.trim());
}

export function uniqueTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map(slugify).filter((tag) => tag && !GENERIC_TAGS.has(tag)))];
}

/** Turns the upstream catalog plus Shelf's curation into validated, bundled articles. */
export function buildCatalog(lines: RawCatalogLine[], curation: readonly CurationEntry[]): Article[] {
  if (lines.length !== curation.length) {
    throw new Error(`catalog has ${lines.length} lines but curation has ${curation.length} entries`);
  }
  const articles = lines.map((line, corpusLine): Article => {
    const entry = curation[corpusLine];
    if (!entry) throw new Error(`no curation for line ${corpusLine}`);
    const ambiguous = AMBIGUOUS_SUMMARIES.find((a) => line.description.startsWith(a.startsWith));
    const title = line.title ?? entry.title;
    if (!title) throw new Error(`line ${corpusLine} has no catalog title and no written title`);
    if (line.title && entry.title) throw new Error(`line ${corpusLine} has a catalog title; drop the written one`);
    const url = line.url ? normalizeBlogUrl(line.url) : null;
    return {
      id: url ? slugFromUrl(url) : slugify(title),
      title,
      titleSource: line.title ? 'catalog' : 'written',
      summary: line.description,
      summaryTruncated: isTruncatedSummary(line.description),
      topic: entry.topic,
      tags: uniqueTags([...entry.tags, ...(line.tags ?? [])]).slice(0, MAX_TAGS),
      catalogTags: line.tags,
      category: line.category,
      url,
      possibleMatches: ambiguous?.candidates ?? [],
      readMinutes: line.readMinutes,
      published: line.published,
      corpusLine,
    };
  });
  return catalogSchema.parse(articles);
}

export function parseCatalogJsonl(text: string): RawCatalogLine[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const result = rawCatalogLineSchema.safeParse(JSON.parse(line));
      if (!result.success) throw new Error(`articles.jsonl line ${index + 1}: ${z.prettifyError(result.error)}`);
      return result.data;
    });
}
