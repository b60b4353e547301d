import { BLOG_SITE } from '@/lib/catalog-updates/blog-site';
import { cleanText } from '@/lib/catalog-updates/text';
import { slugSchema } from '@/lib/corpus/article';
import { z } from '@/lib/zod/classic';

/**
 * The catalog overlay: what Shelf learned from the blog, kept beside the bundled catalog (which is
 * never edited). One record per article id, each learned field with where and when it was read.
 */

export const learnedFromSchema = z.enum(['page', 'feed', 'sitemap']);
export type LearnedFrom = z.infer<typeof learnedFromSchema>;

/** A normalized article address on the blog, in the bundled catalog's form. */
export const blogUrlSchema = z
  .string()
  .max(2048)
  .refine((url) => BLOG_SITE.toSiteUrl(url) === url, `must be a normalized ${BLOG_SITE.origin}/… address`);

export const fieldSourceSchema = z.strictObject({
  from: learnedFromSchema,
  /** The address it was read from: the article page, the feed or the sitemap. */
  url: z.url({ protocol: /^https$/ }).max(2048),
  /** When Shelf read it, in milliseconds since the epoch. */
  learnedAt: z.number().int().nonnegative(),
});
export type FieldSource = z.infer<typeof fieldSourceSchema>;

const learned = <T extends z.ZodType>(value: T) => z.strictObject({ value, source: fieldSourceSchema });

export const OVERLAY_LIMITS = { maxTitle: 300, maxDescription: 1_000, maxTags: 30, maxTag: 80 } as const;

/**
 * A title or description as Shelf shows it (`cleanText`): what the blog gave is already, and a backup's
 * is made so (red team: a restored backup's learned title kept a bell and a right-to-left override).
 */
const shownTextSchema = (max: number) => z.string().transform(cleanText).pipe(z.string().min(1).max(max));
const titleSchema = shownTextSchema(OVERLAY_LIMITS.maxTitle);

export const learnedFieldsSchema = z.strictObject({
  url: learned(blogUrlSchema).optional(),
  title: learned(titleSchema).optional(),
  description: learned(shownTextSchema(OVERLAY_LIMITS.maxDescription)).optional(),
  published: learned(z.iso.date()).optional(),
  tags: learned(z.array(z.string().min(1).max(OVERLAY_LIMITS.maxTag)).max(OVERLAY_LIMITS.maxTags)).optional(),
});
export type LearnedFields = z.infer<typeof learnedFieldsSchema>;
export type LearnedField = keyof LearnedFields;

/** A bundled article the blog's own text was matched to exactly. */
export const linkedRecordSchema = z.strictObject({
  kind: z.literal('linked'),
  /** The bundled article's id. */
  id: slugSchema,
  matchedBy: z.enum(['url', 'description', 'title']),
  fields: learnedFieldsSchema,
});

/** An article the bundled catalog does not have. Its id is the slug of its address. */
export const learnedArticleRecordSchema = z.strictObject({
  kind: z.literal('learned'),
  id: slugSchema,
  fields: learnedFieldsSchema.extend({
    url: learned(blogUrlSchema),
    title: learned(titleSchema),
  }),
});

/**
 * A page that carries the description of a bundled article whose summary fits two pages (the
 * catalog's "possible matches"). It waits here, shown nowhere, until the blog's text decides.
 */
export const candidateRecordSchema = z.strictObject({
  kind: z.literal('candidate'),
  id: slugSchema,
  /** The bundled article this page may be. */
  candidateFor: slugSchema,
  fields: learnedFieldsSchema.extend({ url: learned(blogUrlSchema) }),
});

export const overlayRecordSchema = z.discriminatedUnion('kind', [
  linkedRecordSchema,
  learnedArticleRecordSchema,
  candidateRecordSchema,
]);
export type OverlayRecord = z.infer<typeof overlayRecordSchema>;
export type LinkedRecord = z.infer<typeof linkedRecordSchema>;
export type LearnedArticleRecord = z.infer<typeof learnedArticleRecordSchema>;
export type CandidateRecord = z.infer<typeof candidateRecordSchema>;

/** The whole overlay, as a backup holds it: ids are unique. */
export const catalogOverlaySchema = z.array(overlayRecordSchema).superRefine((records, ctx) => {
  const seen = new Set<string>();
  for (const [index, record] of records.entries()) {
    if (seen.has(record.id)) ctx.addIssue({ code: 'custom', message: `duplicate id "${record.id}"`, path: [index] });
    seen.add(record.id);
  }
});

/** Where an interrupted or capped update goes on: the article pages it has still to read. */
export const updateCursorSchema = z.strictObject({
  /** Addresses to read, in order. */
  pending: z.array(blogUrlSchema).max(50_000),
  /** When the update that listed them started, in milliseconds since the epoch. */
  listedAt: z.number().int().nonnegative(),
});
export type UpdateCursor = z.infer<typeof updateCursorSchema>;

/** What the updater needs from storage; `lib/db` implements it (one transaction per call). */
export interface CatalogOverlayStore {
  loadOverlay(): Promise<OverlayRecord[]>;
  /** Writes `put` (replacing records with the same id) and deletes `remove`, together. */
  saveOverlayChanges(changes: OverlayChanges): Promise<void>;
  loadCursor(): Promise<UpdateCursor | null>;
  /** null: nothing left to read. */
  saveCursor(cursor: UpdateCursor | null): Promise<void>;
}

export interface OverlayChanges {
  put: OverlayRecord[];
  remove: string[];
}
