import { useEffect, useState } from 'react';
import { watchUnfinishedActions } from '@/lib/dom/unfinished-actions';

/**
 * Says, until dismissed, that an action the user took did not finish (and why). `afterDismiss`:
 * where the focus goes on a page without a focus rescue (the popup), as the button goes away.
 */
export function FailureAlert({ afterDismiss }: { afterDismiss?: () => void }) {
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    const stop = new AbortController();
    watchUnfinishedActions(window, setText, stop.signal);
    return () => stop.abort();
  }, []);
  if (!text) return null;
  return (
    <div className="notice failure-alert" role="alert">
      <p>{text}</p>
      <button
        type="button"
        className="button secondary"
        onClick={() => {
          setText(null);
          afterDismiss?.();
        }}
      >
        Dismiss
      </button>
    </div>
  );
}
