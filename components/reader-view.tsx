import { useEffect, useMemo, useRef } from 'react';
import { useCodeCopyButtons } from '@/components/hooks/use-code-copy-buttons';
import { useCopyImages } from '@/components/hooks/use-copy-images';
import { ReaderSettingsFields } from '@/components/reader-settings';
import { keepLinksOutOfReader } from '@/lib/capture/reader-links';
import { sanitizeArticleHtml } from '@/lib/capture/sanitize';
import type { CaptureRecord } from '@/lib/db/schema';
import type { ReaderSettings as Settings } from '@/lib/settings/reader-settings';

interface ReaderViewProps {
  capture: CaptureRecord;
  settings: Settings;
  percentRead: number;
  onSettingsChange: (patch: Partial<Settings>) => void;
}

const WIDTHS = { narrow: '34em', medium: '42em', wide: '54em' } as const;

/**
 * A captured page, readable offline. The stored HTML is sanitized again here, right before it is
 * shown (what was stored is not trusted); images stay placeholders unless the user allows them.
 */
export function ReaderView({ capture, settings, percentRead, onSettingsChange }: ReaderViewProps) {
  const html = useMemo(() => sanitizeArticleHtml(capture.html), [capture.html]);
  const bodyRef = useRef<HTMLDivElement>(null);

  useCopyImages(bodyRef, capture.itemId, settings.allowRemoteImages, html);
  useCodeCopyButtons(bodyRef, html);

  useEffect(() => (bodyRef.current ? keepLinksOutOfReader(bodyRef.current) : undefined), []);

  const minutesLeft = Math.max(0, Math.round(capture.readMinutes * (1 - percentRead / 100)));
  return (
    <article
      className={`reader reader-theme-${settings.readerTheme}`}
      lang={capture.lang ?? undefined}
      dir={capture.dir ?? 'auto'}
      aria-labelledby="reader-title"
      style={{ fontSize: `${settings.readerFontSize}px`, maxWidth: WIDTHS[settings.readerWidth] }}
    >
      <ReaderSettingsFields settings={settings} onSettingsChange={onSettingsChange} className="reader-settings" />
      <header>
        <h1 id="reader-title">{capture.title}</h1>
        <p className="reader-meta">
          {[capture.byline, capture.siteName].filter(Boolean).join(' · ')}
          {capture.byline || capture.siteName ? ' · ' : ''}
          {capture.wordCount.toLocaleString()} words · {percentRead}% read · about {minutesLeft} min left
        </p>
        {capture.notice && <p className="notice">{capture.notice}</p>}
      </header>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized with DOMPurify just above, in this extension page. */}
      <div ref={bodyRef} className="reader-body" dangerouslySetInnerHTML={{ __html: html }} />
    </article>
  );
}
