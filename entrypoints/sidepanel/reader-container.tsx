import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { useReaderSettings } from '@/components/hooks/use-reader-settings';
import { NotCaptured } from '@/components/not-captured';
import { ReaderView } from '@/components/reader-view';
import { scrollToAnchor, trackReadingProgress } from '@/lib/content/reading-progress';
import { setProgress } from '@/lib/db/progress';
import { getReaderData } from '@/lib/db/queries';
import { updateReaderSettings } from '@/lib/settings/reader-settings';
import { captureItemNow } from '@/lib/side-panel/capture-item';

/**
 * Reads a saved page's captured copy in this document (side panel or reader tab): restores the
 * position once, then records progress as the user scrolls.
 */
export function ReaderContainer({ itemId }: { itemId: string }) {
  const data = useLiveQuery(() => getReaderData(itemId), [itemId]);
  const settings = useReaderSettings();
  const [percent, setPercent] = useState(0);
  const restored = useRef(false);
  const hasCapture = data?.capture !== undefined;

  useEffect(() => {
    if (!hasCapture) return;
    if (!restored.current) {
      restored.current = true;
      const anchor = data?.progress?.anchor;
      setPercent(Math.round((data?.progress?.fraction ?? 0) * 100));
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
      500,
    );
    return () => controller.abort();
  }, [hasCapture, itemId, data?.progress]);

  if (!data || !settings) return <p aria-busy="true">Opening…</p>;
  if (!data.item) return <p role="alert">This page is no longer in your reading list.</p>;
  if (!data.capture) {
    const { item } = data;
    return <NotCaptured url={item.url} onCapture={() => captureItemNow(item.id, item.url ?? '')} />;
  }
  return (
    <ReaderView
      capture={data.capture}
      settings={settings}
      percentRead={percent}
      onSettingsChange={(patch) => void updateReaderSettings(patch)}
    />
  );
}
