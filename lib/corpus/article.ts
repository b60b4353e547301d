import { TOPICS, type TopicId } from '@/lib/corpus/topics';
import { z } from '@/lib/zod/classic';

export const topicIdSchema = z.enum(TOPICS.map((topic) => topic.id) as [TopicId, ...TopicId[]]);

export { BLOG_ORIGIN } from '@/lib/corpus/blog-url';

import { BLOG_ORIGIN } from '@/lib/corpus/blog-url';

export const slugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug');

/** The one schema of a bundled article: every other module derives the Article type from it. */
export const articleSchema = z.strictObject({
  id: slugSchema,
  title: z.string().min(1),
  /** "catalog": the blog's own title; "written": Shelf wrote it from the summary (the catalog had none). */
  titleSource: z.enum(['catalog', 'written']),
  /** The catalog's summary text, unchanged. */
  summary: z.string().min(1),
  /** True where the catalog's summary is cut off mid-sentence. */
  summaryTruncated: z.boolean(),
  topic: topicIdSchema,
  tags: z.array(slugSchema).min(2).max(5),
  /** The blog's complete tag list where the catalog has it (kept as-is, may exceed five). */
  catalogTags: z.array(slugSchema).nullable(),
  /** The blog's category label where the catalog has it. */
  category: z.string().min(1).nullable(),
  url: z
    .url({ protocol: /^https$/ })
    .refine((url) => url.startsWith(`${BLOG_ORIGIN}/`), 'must be on https://webcoderspeed.com/')
    .nullable(),
  /** For summaries that fit two articles: the candidates, so the UI can offer both honestly. */
  possibleMatches: z.array(z.strictObject({ title: z.string().min(1), url: z.url() })),
  readMinutes: z.number().int().positive().nullable(),
  published: z.iso.date().nullable(),
  /** 0-based line of the upstream catalog this article came from. */
  corpusLine: z.number().int().nonnegative(),
});

export type Article = z.infer<typeof articleSchema>;

export const catalogSchema = z.array(articleSchema).superRefine((articles, ctx) => {
  const seen = new Set<string>();
  for (const [index, article] of articles.entries()) {
    if (seen.has(article.id)) {
      ctx.addIssue({ code: 'custom', message: `duplicate id "${article.id}"`, path: [index, 'id'] });
    }
    seen.add(article.id);
  }
});
