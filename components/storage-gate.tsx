import { type ReactNode, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { checkDatabase } from '@/lib/db/availability';

/** Shows its children, or, where Shelf's database cannot be opened (a private window), why not. */
export function StorageGate({ children }: { children: ReactNode }) {
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    void checkDatabase(undefined, { privateWindow: browser.extension?.inIncognitoContext ?? false }).then((message) => {
      if (!cancelled) setProblem(message);
    });
    return () => {
      cancelled = true;
    };
  }, []);
  if (problem) {
    return (
      <p className="notice" role="alert">
        {problem}
      </p>
    );
  }
  return children;
}
