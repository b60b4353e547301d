import { ReaderContainer } from '@/components/reader/reader-container';

/** The full-tab reader (`sidepanel.html?reader=<item id>`): one saved item, nothing else. */
export function ReaderPage({ itemId }: { itemId: string }) {
  return (
    <main className="reader-page">
      <ReaderContainer itemId={itemId} />
    </main>
  );
}
