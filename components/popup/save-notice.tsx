import type { SaveNotice } from '@/lib/popup/popup-results';

/** What saving from the popup did: a polite live line always there (heard when text arrives in it), and an alert when it failed. */
export function SaveNoticeLines({ notice }: { notice: SaveNotice | null }) {
  return (
    <>
      <p className="visually-hidden" aria-live="polite">
        {notice?.ok ? notice.text : ''}
      </p>
      {notice && !notice.ok && (
        <p role="alert" className="notice small">
          {notice.text}
        </p>
      )}
    </>
  );
}
