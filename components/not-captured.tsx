import { type ReactNode, useState } from 'react';

/**
 * A saved link whose page Shelf has no copy of yet, with `Capture now` (fetches it, after asking),
 * what to do with it (`end`: the reader's Mark as done, Archive and Next) and what the user keeps
 * with it (`children`: its tags, note and highlights).
 */
export function NotCaptured({
  title,
  url,
  onCapture,
  end,
  children,
}: {
  title: string;
  url: string | null;
  onCapture: () => Promise<{ ok: true } | { ok: false; message: string }>;
  end?: ReactNode;
  children?: ReactNode;
}) {
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  return (
    <>
      <section className="notice" aria-labelledby="not-captured-title">
        <h1 id="not-captured-title" tabIndex={-1}>
          {title}
        </h1>
        <h2>Not captured yet</h2>
        <p>
          Shelf has no readable copy of{' '}
          {url ? (
            <a href={url} target="_blank" rel="noopener noreferrer">
              this page
            </a>
          ) : (
            'this page'
          )}{' '}
          yet. Capture it now to read it here, offline.
        </p>
        <button
          type="button"
          className="button"
          disabled={state.busy || !url}
          onClick={() => {
            setState({ busy: true, error: null });
            void onCapture().then((outcome) => setState({ busy: false, error: outcome.ok ? null : outcome.message }));
          }}
        >
          {state.busy ? 'Capturing…' : 'Capture now'}
        </button>
        {state.error && <p role="alert">{state.error}</p>}
      </section>
      {end}
      {children && (
        <aside className="reader-annotations" aria-label="Your annotations on this page">
          {children}
        </aside>
      )}
    </>
  );
}
