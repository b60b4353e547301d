import { countedUnitOf } from '@/lib/capture/reading-time';
import type { CaptureRecord } from '@/lib/db/schema';
import { isWebUrl } from '@/lib/net/web-url';
import { bylineSaysBy } from '@/lib/reader/byline';
import { siteOf } from '@/lib/reading-list/site';

export interface ReaderDate {
  /** "Published" or "Saved". */
  label: string;
  /** YYYY-MM-DD. */
  iso: string;
}

interface ReaderHeaderProps {
  capture: CaptureRecord;
  /** The item's title (`readerTitle`), not always the copy's. */
  title: string;
  originalUrl: string;
  date: ReaderDate | null;
  percentRead: number;
}

const formatDate = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

/**
 * Title, site, byline, date, length and the way back to the original. The page's own words (title,
 * site, byline) keep the page's direction; Shelf's lines are English, left to right, with the
 * page's words isolated in them, so a right-to-left page cannot scramble "133 words · 0% read".
 */
export function ReaderHeader({ capture, title, originalUrl, date, percentRead }: ReaderHeaderProps) {
  const minutesLeft = Math.max(0, Math.round(capture.readMinutes * (1 - percentRead / 100)));
  const site = capture.siteName || siteOf(originalUrl);
  return (
    <header className="reader-header">
      {site && <p className="reader-site">{site}</p>}
      {/* Focusable from script only: the side panel moves the focus here when the reader opens. */}
      <h1 id="reader-title" tabIndex={-1}>
        {title}
      </h1>
      <p className="reader-meta" dir="ltr" lang="en">
        {capture.byline && (
          <>
            {!bylineSaysBy(capture.byline) && 'By '}
            <bdi>{capture.byline}</bdi>
            {date && ' · '}
          </>
        )}
        {date && (
          <>
            {date.label} <time dateTime={date.iso}>{formatDate(date.iso)}</time>
          </>
        )}
      </p>
      <p className="reader-meta reader-stats" dir="ltr" lang="en">
        {capture.wordCount.toLocaleString('en')} {countedUnitOf(capture.lang, capture.text)} ·{' '}
        {/* A copy without words (an empty page) has nothing to read, so no progress or time left. */}
        {capture.wordCount > 0 && `${percentRead}% read · ${describeTimeLeft(minutesLeft, percentRead)}`}
        {/* Only a web address is a link: a backup's copy may name any (`javascript:`, `data:`). */}
        {isWebUrl(originalUrl) && (
          <a href={originalUrl} target="_blank" rel="noopener noreferrer">
            Open original
          </a>
        )}
      </p>
      {capture.notice && <p className="notice">{capture.notice}</p>}
    </header>
  );
}

/**
 * "about 3 min left · ", "under a minute left · ", or nothing once read to the end (QA pass: near the
 * end it said "about 0 min left").
 */
function describeTimeLeft(minutesLeft: number, percentRead: number): string {
  if (percentRead >= 100) return '';
  return minutesLeft >= 1 ? `about ${minutesLeft} min left · ` : 'under a minute left · ';
}
