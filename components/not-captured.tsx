import { type ReactNode, useRef, useState } from 'react';
import { focusIfNowhereAround } from '@/lib/dom/focus-rescue';

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
  const captureButton = useRef<HTMLButtonElement>(null);
  const capture = () => {
    if (state.busy) return;
    setState({ busy: true, error: null });
    void onCapture().then((outcome) => {
      setState({ busy: false, error: outcome.ok ? null : outcome.message });
      // Failed: the focus stays here to try again, or comes back from where the permission prompt left it.
      // (It worked: the copy replaces this view, and the reader takes the focus to its title.)
      if (!outcome.ok && captureButton.current) focusIfNowhereAround(captureButton.current);
    });
  };
  return (
    <>
      <section className="notice" aria-labelledby="not-captured-title">
        <h1 id="not-captured-title" tabIndex={-1} dir="auto">
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
        {/* aria-disabled while it works: a disabled button would drop the focus to the page's body. */}
        <button
          ref={captureButton}
          type="button"
          className="button"
          disabled={!url}
          aria-disabled={state.busy || undefined}
          onClick={capture}
        >
          {state.busy ? 'Capturing…' : 'Capture now'}
        </button>
        {/* There before the error, so that the error is announced when it fills it. */}
        <div role="alert">{state.error && <p>{state.error}</p>}</div>
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
