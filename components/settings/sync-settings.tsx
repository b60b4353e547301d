import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { Disclosure } from '@/components/disclosure';
import { usePreference } from '@/components/hooks/use-preference';
import { getItemTitles } from '@/lib/db/queries';
import { PREFERENCES } from '@/lib/settings/preferences';
import {
  describeSyncStatus,
  NOT_SYNCED_NAMED,
  notSyncedItemIds,
  requestSyncNow,
  setSyncEnabled,
} from '@/lib/settings/sync-settings';
import { syncingUntil } from '@/lib/sync/sync-status';

const formatTime = (at: number) => new Date(at).toLocaleString();

/** Settings: sync through the browser's own account on or off, its state, and "Sync now". */
export function SyncSettings() {
  const stored = usePreference(PREFERENCES.syncEnabled);
  // What the box was last set to, until the setting says so: a second click before it is stored
  // (a double click) turned sync on again rather than off (QA pass).
  const [asked, setAsked] = useState<boolean | null>(null);
  useEffect(() => {
    if (asked !== null && stored === asked) setAsked(null);
  }, [stored, asked]);
  const enabled = asked ?? stored;
  const status = usePreference(PREFERENCES.syncStatus);
  // "Syncing…" goes stale without a change to the status (a background stopped mid-sync): drawn again then.
  const [, setStaleChecks] = useState(0);
  useEffect(() => {
    const until = syncingUntil(status ?? null);
    if (until === null) return;
    const timer = setTimeout(() => setStaleChecks((n) => n + 1), Math.max(0, until - Date.now()) + 100);
    return () => clearTimeout(timer);
  }, [status]);
  const [failure, setFailure] = useState<string | null>(null);
  const problem = failure ?? (enabled ? (status?.lastError?.message ?? null) : null);
  return (
    <section aria-labelledby="sync-heading">
      <h3 id="sync-heading">Sync between browsers</h3>
      <p className="muted small">
        Keeps your saved items (status, reading progress, tags, notes, highlights) and your appearance and reader
        settings the same on every browser signed in to the same account, through the browser’s own sync storage. No
        Shelf account, no server. Readable copies stay on each browser: elsewhere, an item offers “Capture now”. Chrome
        syncs with Chrome only, Firefox with Firefox.
      </p>
      <label className="setting-row">
        <input
          type="checkbox"
          checked={enabled ?? false}
          disabled={enabled === undefined}
          onChange={(e) => {
            setFailure(null);
            setAsked(e.target.checked);
            // Not stored (storage full, say): the box shows the setting again, and says why.
            setSyncEnabled(e.target.checked).catch((error: unknown) => {
              setAsked(null);
              setFailure(`The setting was not saved: ${error instanceof Error ? error.message : String(error)}`);
            });
          }}
        />{' '}
        Sync with this browser's account
      </label>
      <div role="status" aria-label="Sync status" className="small">
        {describeSyncStatus(enabled ? (status ?? null) : null, formatTime).map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
      {enabled && <NotSyncedItems ids={notSyncedItemIds(status ?? null)} />}
      <button
        type="button"
        className="button secondary"
        disabled={!enabled}
        // Also while "Syncing…": the background merges a request into the sync under way, and a
        // background stopped mid-sync leaves that status behind until its mark goes stale, which a
        // request wakes it to correct at once (QA pass: the button did nothing after the worker was killed).
        onClick={() => void requestSyncNow().then((outcome) => setFailure(outcome.ok ? null : outcome.message))}
      >
        Sync now
      </button>
      {problem && (
        <p role="alert" className="notice small">
          {problem}
        </p>
      )}
    </section>
  );
}

/** Which items stay on this browser only: the first NOT_SYNCED_NAMED by title, the rest counted. */
function NotSyncedItems({ ids }: { ids: readonly string[] }) {
  const named = ids.slice(0, NOT_SYNCED_NAMED);
  const titles = useLiveQuery(() => getItemTitles(named), [named.join('\n')]);
  if (ids.length === 0 || !titles) return null;
  const more = ids.length - named.length;
  return (
    <Disclosure className="small" label="Items on this browser only">
      <ul aria-label="Items on this browser only">
        {titles.map(({ id, title }) => (
          <li key={id}>{title}</li>
        ))}
      </ul>
      {more > 0 && <p>and {more.toLocaleString('en')} more.</p>}
    </Disclosure>
  );
}
