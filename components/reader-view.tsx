import { type ReactNode, useEffect, useMemo, useRef } from 'react';
import { useCodeCopyButtons } from '@/components/hooks/use-code-copy-buttons';
import { useCopyImages } from '@/components/hooks/use-copy-images';
import { useOutline } from '@/components/hooks/use-outline';
import { type ReaderDate, ReaderHeader } from '@/components/reader/reader-header';
import { ReaderToolbar } from '@/components/reader/reader-toolbar';
import { keepLinksOutOfReader, nameReaderTabInPlaceLinks } from '@/lib/capture/reader-links';
import { sanitizeArticleHtml } from '@/lib/capture/sanitize';
import type { CaptureRecord } from '@/lib/db/schema';
import { keepPlaceWhileReflowing } from '@/lib/reader/keep-place';
import { quietNamelessLinks } from '@/lib/reader/nameless-links';
import { keepScrollingPartsFocusable } from '@/lib/reader/scroll-regions';
import type { ReaderSettings as Settings } from '@/lib/settings/reader-settings';

interface ReaderViewProps {
  capture: CaptureRecord;
  /** The title shown above it (`readerTitle`: the item's, unless it has none). */
  title: string;
  settings: Settings;
  percentRead: number;
  onSettingsChange: (patch: Partial<Settings>) => void;
  /** The page this copy was made from. */
  originalUrl: string;
  date: ReaderDate | null;
  /** The id of the user's tags and notes after the text, which the toolbar goes to. */
  annotationsId?: string;
  /** Links at the end of the toolbar. */
  toolbarLinks?: ReactNode;
  /** What comes after the text: the end-of-article actions. */
  end?: ReactNode;
  /** In the side panel (whose address names no item): the reader tab's, which its links into the copy name. */
  tabAddress?: string;
}

/**
 * A captured page, readable offline. The stored HTML is sanitized again here, right before it is
 * shown (what was stored is not trusted); images stay placeholders unless the user allows them.
 * The text column's width is in `ch` of the reader's own font, so a width choice is a number of
 * characters a line at every text size.
 */
export function ReaderView(props: ReaderViewProps) {
  const { capture, settings, percentRead, onSettingsChange, tabAddress } = props;
  const html = useMemo(() => sanitizeArticleHtml(capture.html), [capture.html]);
  const bodyRef = useRef<HTMLDivElement>(null);
  const columnRef = useRef<HTMLDivElement>(null);
  const outline = useOutline(bodyRef, html);

  useCopyImages(bodyRef, capture.itemId, settings.allowRemoteImages, html);
  useCodeCopyButtons(bodyRef, html);

  useEffect(
    () => (bodyRef.current ? keepLinksOutOfReader(bodyRef.current, undefined, tabAddress) : undefined),
    [tabAddress],
  );
  useEffect(() => {
    const controller = new AbortController();
    if (columnRef.current) keepPlaceWhileReflowing(window, columnRef.current, controller.signal);
    return () => controller.abort();
  }, []);
  useEffect(() => {
    const controller = new AbortController();
    if (bodyRef.current && html) keepScrollingPartsFocusable(bodyRef.current, controller.signal);
    if (bodyRef.current) quietNamelessLinks(bodyRef.current);
    if (bodyRef.current && tabAddress) nameReaderTabInPlaceLinks(bodyRef.current, tabAddress);
    return () => controller.abort();
  }, [html, tabAddress]);

  return (
    <article className="reader" aria-labelledby="reader-title">
      <ReaderToolbar
        settings={settings}
        onSettingsChange={onSettingsChange}
        outline={outline}
        annotationsId={props.annotationsId}
      >
        {props.toolbarLinks}
      </ReaderToolbar>
      <div
        ref={columnRef}
        className={`reader-column reader-width-${settings.readerWidth}`}
        // Unknown, not the extension page's English: a screen reader and the fonts then go by the text.
        lang={capture.lang ?? ''}
        dir={capture.dir ?? 'auto'}
        style={{ fontSize: `${settings.readerFontSize}px` }}
      >
        <ReaderHeader
          capture={capture}
          title={props.title}
          originalUrl={props.originalUrl}
          date={props.date}
          percentRead={percentRead}
        />
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized with DOMPurify just above, in this extension page. */}
        <div ref={bodyRef} className="reader-body" dangerouslySetInnerHTML={{ __html: html }} />
        {props.end}
      </div>
    </article>
  );
}
