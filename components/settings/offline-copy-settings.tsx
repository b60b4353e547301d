import { useId, useState } from 'react';
import { usePreference } from '@/components/hooks/use-preference';
import { setKeepImagesOffline } from '@/lib/settings/offline-images';
import { PREFERENCES } from '@/lib/settings/preferences';

/** "Keep images offline": asks for the permission it needs when turned on, and says so when refused. */
export function OfflineCopySettings() {
  const keep = usePreference(PREFERENCES.keepImagesOffline);
  const [notice, setNotice] = useState<string | null>(null);
  // The name is the setting alone; what it fetches and asks for is its description.
  const hintId = useId();
  return (
    <section aria-labelledby="offline-copy-heading">
      <h3 id="offline-copy-heading">Saved pages</h3>
      <label className="setting-row">
        <input
          type="checkbox"
          aria-label="Keep images offline"
          aria-describedby={hintId}
          checked={keep ?? false}
          disabled={keep === undefined}
          onChange={(event) => {
            setNotice(null);
            // Called within the click: the browser asks for the permission only from a user gesture.
            void setKeepImagesOffline(event.target.checked).then(({ refused }) => {
              if (refused) setNotice('Images are not kept offline: the browser did not let Shelf read other sites.');
            });
          }}
        />{' '}
        Keep images offline{' '}
        <span id={hintId} className="muted small">
          (fetched once when you save a page, up to 5 MB each and 25 MB a page; asks to read the sites images come from)
        </span>
      </label>
      {notice && (
        <p role="alert" className="notice small">
          {notice}
        </p>
      )}
    </section>
  );
}
