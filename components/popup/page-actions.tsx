import { useState } from 'react';
import { saveCurrentPage } from '@/lib/popup/popup-commands';

/** "Save this page": asks the background to capture the tab the popup was opened on, and says how it went. */
export function PageActions() {
  const [message, setMessage] = useState<{ ok: boolean; message: string } | null>(null);
  return (
    <section className="page-actions" aria-label="This page">
      <button
        type="button"
        className="button secondary"
        onClick={() => {
          setMessage({ ok: true, message: 'Saving…' });
          void saveCurrentPage().then(setMessage);
        }}
      >
        Save this page <kbd>Alt+Shift+S</kbd>
      </button>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'small' : 'notice small'}>
          {message.message}
        </p>
      )}
    </section>
  );
}
