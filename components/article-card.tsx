import { LearnedFrom } from '@/components/learned-from';
import { TopicLabel } from '@/components/topic-label';
import type { CatalogArticle } from '@/lib/catalog-updates/apply-overlay';
import type { Article } from '@/lib/corpus/article';
import { getArticleLink } from '@/lib/corpus/catalog';

interface ArticleCardProps {
  /** A bundled article, or one as the catalog users see it (with what was learned from the blog). */
  article: Article & Partial<Pick<CatalogArticle, 'learned' | 'learnedFields' | 'topicGuessed'>>;
  onOpenLink: (url: string) => void;
  /** Shows the articles with this tag; without it, tags are plain labels. */
  onTag?: (tag: string) => void;
}

/** An article's card: what it is about, and where to read it. */
export function ArticleCard({ article, onOpenLink, onTag }: ArticleCardProps) {
  const link = getArticleLink(article);
  return (
    <article className="article-card" aria-labelledby={`card-title-${article.id}`}>
      <h2 id={`card-title-${article.id}`} className="article-card-title">
        {article.title}
      </h2>
      {article.titleSource === 'written' && (
        <p className="muted small">Title written by Shelf from the summary; the catalog has none.</p>
      )}
      <p className="article-meta">
        <TopicLabel topic={article.topic} />
        {article.readMinutes !== null && <span>{article.readMinutes} min read</span>}
        {article.published !== null && <time dateTime={article.published}>{article.published}</time>}
      </p>
      <p className="article-summary">{article.summary}</p>
      {article.summaryTruncated && (
        <p className="notice">The catalog’s summary of this article is cut off; this is all of it that Shelf has.</p>
      )}
      <ul className="tag-list" aria-label="Tags">
        {article.tags.map((tag) => (
          <li key={tag}>
            {onTag ? (
              <button type="button" className="tag tag-button" onClick={() => onTag(tag)}>
                {tag}
              </button>
            ) : (
              <span className="tag">{tag}</span>
            )}
          </li>
        ))}
      </ul>
      <p className="card-actions">
        <a
          className={link.isSearch ? 'button secondary' : 'button'}
          href={link.href}
          onClick={(event) => {
            event.preventDefault();
            onOpenLink(link.href);
          }}
        >
          {link.label}
        </a>
        {link.isSearch && <span className="muted small"> (a web search restricted to the blog)</span>}
      </p>
      {article.learnedFields && (
        <LearnedFrom
          article={{
            learned: article.learned ?? false,
            learnedFields: article.learnedFields,
            topicGuessed: article.topicGuessed ?? false,
          }}
        />
      )}
      {article.possibleMatches.length > 0 && (
        <section aria-label="Possible matches" className="possible-matches">
          <p className="muted small">This summary fits two articles on the blog; it may be either:</p>
          <ul>
            {article.possibleMatches.map((match) => (
              <li key={match.url}>
                <a
                  href={match.url}
                  onClick={(event) => {
                    event.preventDefault();
                    onOpenLink(match.url);
                  }}
                >
                  {match.title}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
