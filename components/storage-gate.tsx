import { type ReactNode, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { checkDatabase } from '@/lib/db/availability';

/**
 * Shows its children once Shelf's database has opened, or, where it cannot be (a private window),
 * why not. Children mount only after the open succeeded: their live queries would otherwise fail
 * during render when it does not, and take the rest of the view (the article's card) with them.
 */
export function StorageGate({ children }: { children: ReactNode }) {
  /** Undefined while the database is being opened; then null, or what to tell the user. */
  const [problem, setProblem] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    let cancelled = false;
    void checkDatabase(undefined, { privateWindow: browser.extension?.inIncognitoContext ?? false }).then((message) => {
      if (!cancelled) setProblem(message);
    });
    return () => {
      cancelled = true;
    };
  }, []);
  if (problem === undefined) return null;
  if (problem) {
    return (
      <p className="notice" role="alert">
        {problem}
      </p>
    );
  }
  return children;
}
