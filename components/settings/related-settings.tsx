import { useId, useState } from 'react';
import { useRelatedSettings } from '@/components/hooks/use-related-settings';
import type { RelatedPlacement } from '@/lib/settings/related-placement';

const PLACEMENTS: { value: RelatedPlacement; label: string; hint: string }[] = [
  { value: 'blog', label: 'On the blog only', hint: 'next to the article you are reading on webcoderspeed.com' },
  {
    value: 'everywhere',
    label: 'On every site',
    hint: 'asks to read the sites you visit; the text is matched in your browser and sent nowhere',
  },
  { value: 'nowhere', label: 'Nowhere', hint: 'the side panel and "Find related" still work' },
];

/** Where related articles appear, and the sites where they never do. */
export function RelatedSettings() {
  const related = useRelatedSettings();
  const [newSite, setNewSite] = useState('');
  const noticeId = useId();
  return (
    <section aria-labelledby="related-settings-heading">
      <h3 id="related-settings-heading">Related articles</h3>
      <fieldset className="import-fieldset">
        <legend>Where related articles appear</legend>
        {PLACEMENTS.map((option) => (
          <label key={option.value} className="setting-row">
            <input
              type="radio"
              name="related-placement"
              checked={related.placement === option.value}
              disabled={related.placement === null}
              onChange={() => related.choosePlacement(option.value)}
            />{' '}
            {option.label} <span className="muted small">({option.hint})</span>
          </label>
        ))}
      </fieldset>
      <h4>Never on these sites</h4>
      {related.hiddenSites.length === 0 ? (
        <p className="muted small">No sites. “Don't show on this site” in the box adds one.</p>
      ) : (
        <ul aria-label="Sites where related articles never appear">
          {related.hiddenSites.map((site) => (
            <li key={site}>
              {site}{' '}
              <button
                type="button"
                className="link-button"
                aria-label={`Show again on ${site}`}
                onClick={() => related.removeSite(site)}
              >
                Show again
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void related.addSite(newSite).then((added) => added && setNewSite(''));
        }}
      >
        <label>
          Never show on{' '}
          <input
            type="text"
            inputMode="url"
            placeholder="example.com"
            value={newSite}
            aria-invalid={related.siteRefused || undefined}
            aria-describedby={related.siteRefused ? noticeId : undefined}
            onChange={(e) => setNewSite(e.target.value)}
          />
        </label>{' '}
        <button type="submit" className="button secondary">
          Add site
        </button>
      </form>
      {related.notice && (
        <p id={noticeId} role="alert" className="notice small">
          {related.notice}
        </p>
      )}
    </section>
  );
}
