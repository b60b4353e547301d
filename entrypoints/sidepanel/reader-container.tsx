import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { ReaderView } from '@/components/reader-view';
import { scrollToAnchor, trackReadingProgress } from '@/lib/content/reading-progress';
import { getDatabase } from '@/lib/db/database';
import { getSettings, setProgress, updateSettings } from '@/lib/db/repository';

/**
 * Reads a saved page's captured copy in this document (side panel or reader tab): restores the
 * position once, then records progress as the user scrolls.
 */
export function ReaderContainer({ itemId }: { itemId: string }) {
  const db = getDatabase();
  const data = useLiveQuery(
    async () => ({
      item: await db.items.get(itemId),
      capture: await db.captures.get(itemId),
      progress: await db.progress.get(itemId),
      settings: await getSettings(db),
    }),
    [db, itemId],
  );
  const [percent, setPercent] = useState(0);
  const restored = useRef(false);
  const hasCapture = data?.capture !== undefined;
  // Read once, when the copy first shows: every position written changes it, and the tracker
  // below must outlive those writes (rebuilding it would drop the report it is about to send).
  const savedProgress = useRef(data?.progress);
  savedProgress.current = data?.progress;

  useEffect(() => {
    if (!hasCapture) return;
    if (!restored.current) {
      restored.current = true;
      const anchor = savedProgress.current?.anchor;
      setPercent(Math.round((savedProgress.current?.fraction ?? 0) * 100));
      if (anchor) requestAnimationFrame(() => scrollToAnchor(window, anchor));
    }
    const controller = new AbortController();
    trackReadingProgress(
      window,
      (state) => {
        setPercent(Math.round(state.fraction * 100));
        void setProgress(itemId, {
          fraction: state.fraction,
          anchor: { scrollFraction: state.scrollFraction, scrollY: state.scrollY },
        });
      },
      controller.signal,
      { intervalMs: 500 },
    );
    return () => controller.abort();
  }, [hasCapture, itemId]);

  if (!data) return <p aria-busy="true">Opening…</p>;
  if (!data.item) return <p role="alert">This page is no longer in your reading list.</p>;
  if (!data.capture) {
    return (
      <p className="notice">
        Shelf has no readable copy of this page yet: open{' '}
        <a href={data.item.url ?? '#'} target="_blank" rel="noopener noreferrer">
          the page
        </a>{' '}
        and save it again to read it offline.
      </p>
    );
  }
  return (
    <ReaderView
      capture={data.capture}
      settings={data.settings}
      percentRead={percent}
      onSettingsChange={(patch) => void updateSettings(patch, { db })}
    />
  );
}
