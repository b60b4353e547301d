import type { CatalogArticle, LearnedFieldName } from '@/lib/catalog-updates/apply-overlay';
import type { FieldSource } from '@/lib/catalog-updates/overlay-schema';

const FIELD_NAMES: Record<LearnedFieldName, string> = {
  url: 'address',
  title: 'title',
  published: 'date',
  tags: 'tags',
  summary: 'summary',
};
const SOURCE_NAMES: Record<FieldSource['from'], string> = {
  page: "the blog's page",
  feed: "the blog's feed",
  sitemap: "the blog's sitemap",
};

/** The day Shelf read it, as the card says it ("2026-11-30", UTC like the blog's own dates). */
const day = (learnedAt: number) => new Date(learnedAt).toISOString().slice(0, 10);

/** Where each field the card shows from the blog (not the bundle) came from, and when. */
export function LearnedFrom({
  article,
}: {
  article: Pick<CatalogArticle, 'learned' | 'learnedFields' | 'topicGuessed'>;
}) {
  const fields = Object.entries(article.learnedFields) as Array<[LearnedFieldName, FieldSource]>;
  if (fields.length === 0) return null;
  return (
    <section aria-label="Learned from the blog" className="muted small">
      {article.learned && (
        <p>
          New on the blog, not in Shelf’s bundled catalog{article.topicGuessed ? '; its topic is Shelf’s guess' : ''}.
        </p>
      )}
      {/* Lowercase as issue #18 quotes it ("address from the blog's feed, 2026-11-30"); CSS capitalizes. */}
      <ul className="learned-fields">
        {fields.map(([field, source]) => (
          <li key={field} title={source.url}>
            {FIELD_NAMES[field]} from {SOURCE_NAMES[source.from]}, {day(source.learnedAt)}
          </li>
        ))}
      </ul>
    </section>
  );
}
