import { useId } from 'react';
import { usePreference } from '@/components/hooks/use-preference';
import { PREFERENCES, setPreference } from '@/lib/settings/preferences';

/** The box on the blog's articles: whether it shows, whether it offers to resume, closed articles. */
export function BlogBoxSettings() {
  const hidden = usePreference(PREFERENCES.blogBoxHidden);
  const resume = usePreference(PREFERENCES.blogResumeOffer);
  const dismissed = usePreference(PREFERENCES.blogBoxDismissed);
  const hintId = useId();
  return (
    <section aria-labelledby="blog-box-heading">
      <h3 id="blog-box-heading">On the blog</h3>
      <label className="setting-row">
        {/* Issue #15's words; the hint after it is the description. */}
        <input
          type="checkbox"
          aria-label="Don't show on this blog"
          aria-describedby={hintId}
          checked={hidden === true}
          disabled={hidden === undefined}
          onChange={(event) => void setPreference(PREFERENCES.blogBoxHidden, event.target.checked)}
        />{' '}
        Don't show on this blog{' '}
        <span id={hintId} className="muted small">
          (Shelf's box on webcoderspeed.com; reading progress is kept either way)
        </span>
      </label>
      <label className="setting-row">
        <input
          type="checkbox"
          checked={resume ?? true}
          disabled={resume === undefined}
          onChange={(event) => void setPreference(PREFERENCES.blogResumeOffer, event.target.checked)}
        />{' '}
        Offer to resume where I left off
      </label>
      {dismissed && dismissed.length > 0 && (
        <p className="small">
          Closed on {dismissed.length} {dismissed.length === 1 ? 'article' : 'articles'}.{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => void setPreference(PREFERENCES.blogBoxDismissed, [])}
          >
            Show the box there again
          </button>
        </p>
      )}
    </section>
  );
}
