import { ReaderContainer } from '@/components/reader/reader-container';
import { StorageGate } from '@/components/storage-gate';

/** The full-tab reader (`sidepanel.html?reader=<item id>`): one saved item, nothing else. */
export function ReaderPage({ itemId }: { itemId: string }) {
  return (
    <main className="reader-page">
      <StorageGate>
        <ReaderContainer itemId={itemId} />
      </StorageGate>
    </main>
  );
}
