import { useLiveQuery } from 'dexie-react-hooks';
import { AnnotatedReader, READER_ANNOTATIONS_ID } from '@/components/annotations/annotated-reader';
import { ItemAnnotations } from '@/components/annotations/item-annotations';
import { NoteAfterRemoval } from '@/components/annotations/note-after-removal';
import { usePlaceInAddress } from '@/components/hooks/use-place-in-address';
import { useReaderActions } from '@/components/hooks/use-reader-actions';
import { useReaderDocument } from '@/components/hooks/use-reader-document';
import { useReaderSettings } from '@/components/hooks/use-reader-settings';
import { useReadingProgress } from '@/components/hooks/use-reading-progress';
import { useFocusAtNote, useFocusAtPassage, usePassage } from '@/components/hooks/use-search-passage';
import { useTitleFocus } from '@/components/hooks/use-title-focus';
import { NotCaptured } from '@/components/not-captured';
import { ReaderEnd } from '@/components/reader/reader-end';
import { ReaderView } from '@/components/reader-view';
import { getArticleById } from '@/lib/corpus/catalog';
import { getReaderData } from '@/lib/db/queries';
import type { SavedItem } from '@/lib/db/schema';
import { readerTitle } from '@/lib/reader/reader-title';
import type { ListOrder } from '@/lib/reading-list/list-query';
import type { QueryPhrase } from '@/lib/search/phrase';
import { updateReaderSettings } from '@/lib/settings/reader-settings';
import { captureItemNow } from '@/lib/side-panel/capture-item';

interface ReaderContainerProps {
  itemId: string;
  /** In the side panel, or a tab of its own (titled after the article). */
  place: 'panel' | 'tab';
  /** Shows another saved item ("Next in reading list"). */
  onOpenItem: (item: SavedItem, hasCopy: boolean) => void;
  /** Opened from the reading list: "Next in reading list" follows it as the user left it (else the queue). */
  list?: ListOrder;
  /** Opened from a search result: the passage that matched, shown and marked. */
  passage?: string;
  /** The reader's address's `#fragment`: where it names a place in the copy (a footnote), the reader opens there. */
  addressFragment?: string;
  /** Opened from a result the user's note matched: the note is shown and has the focus. */
  openAt?: 'note';
  /** Opened before that passage was known: the search's matched terms (and unfinished word) to find it by. */
  passageTerms?: readonly string[];
  passagePrefix?: string;
  /** And the query as a phrase: where the copy holds it in a row, the reader opens there. */
  passagePhrase?: QueryPhrase;
  /** And its words as written: of passages worth the same, the one writing them so. */
  passageWritten?: readonly string[];
}

/**
 * A saved item's readable copy in this document, with its progress: the same for a captured page
 * and for a bundled article that has a copy (imported from Omnivore, say).
 */
export function ReaderContainer({
  itemId,
  place,
  onOpenItem,
  list,
  passage: givenPassage,
  passageTerms,
  passagePrefix,
  passagePhrase,
  passageWritten,
  openAt,
  addressFragment,
}: ReaderContainerProps) {
  const data = useLiveQuery(() => getReaderData(itemId), [itemId]);
  const settings = useReaderSettings();
  // The copy is on screen only once the settings are read too: the saved position is restored then
  // (before, the page is too short to scroll, and the position was lost on a busy machine).
  const copyShown = data?.item !== undefined && data.capture !== undefined && settings !== undefined;
  const copyText = data?.capture?.text;
  const passage = usePassage(copyText, givenPassage, passageTerms, passagePrefix, passagePhrase, passageWritten);
  const percent = useReadingProgress(itemId, copyShown, data?.progress);
  useFocusAtPassage(copyShown, passage);
  usePlaceInAddress(copyShown, addressFragment);
  const noCopyShown = data?.item !== undefined && data.capture === undefined && settings !== undefined;
  useTitleFocus(
    copyShown ? 'copy' : noCopyShown ? 'no-copy' : null,
    (copyShown && (givenPassage !== undefined || passageTerms !== undefined)) || openAt === 'note',
  );
  useFocusAtNote(openAt === 'note' && (copyShown || noCopyShown));
  const actions = useReaderActions(itemId, onOpenItem, list);
  useReaderDocument(
    settings?.readerTheme,
    place === 'tab' && data?.item && data.capture ? readerTitle(data.item, data.capture) : null,
  );

  if (!data || !settings) return <p aria-busy="true">Opening…</p>;
  const { item, capture } = data;
  if (!item)
    return (
      <>
        <p role="alert">This page is no longer in your reading list.</p>
        <NoteAfterRemoval itemId={itemId} />
      </>
    );
  // Done, Archive and Next need no copy: a page that cannot be captured (a 404) can still leave the queue.
  const end = (
    <ReaderEnd
      status={item.status}
      onSetStatus={(status) => void actions.setStatusTo(status)}
      onNext={() => void actions.openNext()}
      message={actions.messageFor(item.status)}
    />
  );
  // A bundled article's topic tags are offered when adding a tag, as on its card.
  const article = item.articleId ? getArticleById(item.articleId) : undefined;
  const topicTags = article?.tags ?? [];
  if (!capture) {
    // What the user keeps with it needs no copy (synced from another browser): read and edited here too.
    return (
      <NotCaptured
        title={item.title}
        url={item.url}
        onCapture={() => captureItemNow(item.id, item.url ?? '')}
        end={end}
      >
        <ItemAnnotations itemId={item.id} topicTags={topicTags} />
      </NotCaptured>
    );
  }
  const tabAddress = `/sidepanel.html?reader=${encodeURIComponent(itemId)}`;
  // A bundled article's date, else the one the page says it was published.
  const published = article?.published ?? capture.published;
  return (
    <AnnotatedReader itemId={itemId} contentKey={capture.html} topicTags={topicTags}>
      <ReaderView
        capture={capture}
        title={readerTitle(item, capture)}
        settings={settings}
        percentRead={percent}
        onSettingsChange={(patch) => void updateReaderSettings(patch)}
        originalUrl={item.url ?? capture.url}
        date={
          published
            ? { label: 'Published', iso: published }
            : { label: 'Saved', iso: new Date(capture.capturedAt).toISOString().slice(0, 10) }
        }
        annotationsId={READER_ANNOTATIONS_ID}
        toolbarLinks={
          place === 'panel' && (
            <a href={tabAddress} target="_blank" rel="noopener noreferrer">
              Open in a tab
            </a>
          )
        }
        tabAddress={place === 'panel' ? tabAddress : undefined}
        end={end}
      />
    </AnnotatedReader>
  );
}
