import { useState } from 'react';
import { usePreference } from '@/components/hooks/use-preference';
import { BACKGROUND_STOPPED } from '@/lib/messaging/client';
import { isCatalogUpdateRunning, startCatalogUpdate } from '@/lib/settings/catalog-update';
import { PREFERENCES } from '@/lib/settings/preferences';

const PHASES: Record<string, string> = {
  feed: 'Reading the feed',
  sitemap: 'Reading the sitemap',
  pages: 'Reading article pages',
};

/** Settings: update the bundled articles from the blog itself, with progress and the last report. */
export function CatalogUpdateSettings() {
  const status = usePreference(PREFERENCES.catalogUpdateStatus);
  const [error, setError] = useState<string | null>(null);
  // The background stopped mid-update: nothing runs, whatever the stored status still says, so the button works at once.
  const running = error !== BACKGROUND_STOPPED && isCatalogUpdateRunning(status, Date.now());
  return (
    <section aria-labelledby="catalog-update-heading">
      <h3 id="catalog-update-heading">Articles from the blog</h3>
      <p className="muted small">
        Shelf can read webcoderspeed.com’s own feed, sitemap and article pages to fill in addresses and titles and to
        add new articles. Plain requests for public pages, no cookies, only when you ask.
      </p>
      <button
        type="button"
        className="button secondary"
        // aria-disabled while it runs: a disabled button drops the focus to the page's body (QA pass).
        aria-disabled={running || undefined}
        // The permission prompt needs this click's gesture: startCatalogUpdate asks before anything else.
        onClick={() => {
          if (running) return;
          setError(null);
          void startCatalogUpdate().then((outcome) => setError(outcome.ok ? null : outcome.message));
        }}
      >
        Update articles from the blog
      </button>
      {/* Status regions there from the start, filled as it runs and when it ends: one added already
          holding its text is often not announced (QA pass). */}
      <div role="status">
        {running && (
          <p>
            <progress
              aria-label="Catalog update"
              max={status.total || undefined}
              value={status.total ? status.done : undefined}
            />{' '}
            <span>
              {PHASES[status.phase] ?? 'Updating'}
              {status.total ? ` (${status.done} of ${status.total})` : '…'}
            </span>
          </p>
        )}
      </div>
      <div role="status" aria-label="Last catalog update">
        {status?.state === 'done' && (
          <>
            <p className="small">Last update {new Date(status.at).toLocaleString()}:</p>
            <ul className="small">
              {status.lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </>
        )}
      </div>
      {error && (
        <p role="alert" className="notice small">
          {error}
        </p>
      )}
    </section>
  );
}
