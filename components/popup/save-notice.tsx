import type { SaveNotice } from '@/lib/popup/popup-results';

/**
 * What saving from the popup did: a polite live line always there (heard when text arrives in it),
 * shown with Undo after an unsave (`onUndo`), and an alert when it failed. Undo goes once pressed:
 * `afterUndo` puts the focus somewhere, else it would be left on the page's body.
 */
export function SaveNoticeLines({
  notice,
  onUndo,
  afterUndo,
}: {
  notice: SaveNotice | null;
  onUndo?: (() => void) | null;
  afterUndo?: () => void;
}) {
  return (
    <>
      <p className={onUndo ? 'small' : 'visually-hidden'}>
        <span aria-live="polite">{notice?.ok ? notice.text : ''}</span>
        {onUndo && (
          <>
            {' '}
            <button
              type="button"
              className="link-button"
              onClick={() => {
                onUndo();
                afterUndo?.();
              }}
            >
              Undo
            </button>
          </>
        )}
      </p>
      {notice && !notice.ok && (
        <p role="alert" className="notice small">
          {notice.text}
        </p>
      )}
    </>
  );
}
