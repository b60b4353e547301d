import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { AnnotatedReader } from '@/components/annotations/annotated-reader';
import { useReaderSettings } from '@/components/hooks/use-reader-settings';
import { useReadingProgress } from '@/components/hooks/use-reading-progress';
import { NotCaptured } from '@/components/not-captured';
import { ReaderView } from '@/components/reader-view';
import { getReaderData } from '@/lib/db/queries';
import { showPassage } from '@/lib/dom/passage';
import { updateReaderSettings } from '@/lib/settings/reader-settings';
import { captureItemNow } from '@/lib/side-panel/capture-item';

/** A saved page's readable copy in this document (side panel or reader tab), with its progress. */
export function ReaderContainer({ itemId, passage }: { itemId: string; passage?: string }) {
  const data = useLiveQuery(() => getReaderData(itemId), [itemId]);
  const settings = useReaderSettings();
  const hasCopy = data?.capture !== undefined && settings !== undefined;
  const percent = useReadingProgress(itemId, data?.capture !== undefined, data?.progress);
  // Opened from a search result: at the passage that matched, after the saved position is restored.
  useEffect(() => {
    if (!hasCopy || !passage) return;
    const frame = requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        const body = document.querySelector('.reader-body');
        if (body) showPassage(body, passage);
      }),
    );
    return () => cancelAnimationFrame(frame);
  }, [hasCopy, passage]);

  if (!data || !settings) return <p aria-busy="true">Opening…</p>;
  if (!data.item) return <p role="alert">This page is no longer in your reading list.</p>;
  if (!data.capture) {
    const { item } = data;
    return <NotCaptured title={item.title} url={item.url} onCapture={() => captureItemNow(item.id, item.url ?? '')} />;
  }
  return (
    <AnnotatedReader itemId={itemId} contentKey={data.capture.html}>
      <ReaderView
        capture={data.capture}
        settings={settings}
        percentRead={percent}
        onSettingsChange={(patch) => void updateReaderSettings(patch)}
      />
    </AnnotatedReader>
  );
}
