import { TopicBrowser } from '@/components/topic-browser';
import type { Article } from '@/lib/corpus/article';
import { ARTICLES } from '@/lib/corpus/catalog';

/** Every bundled article, by topic. */
export function BrowseView({ onSelect }: { onSelect: (article: Article) => void }) {
  return (
    <section aria-labelledby="browse-heading">
      <h2 id="browse-heading">All articles by topic</h2>
      <p className="muted">{ARTICLES.length} articles from webcoderspeed.com.</p>
      <TopicBrowser articles={ARTICLES} onSelect={onSelect} />
    </section>
  );
}
