import { useCallback, useState } from 'react';
import { freshAnnouncement } from '@/lib/dom/announcement';

/**
 * A live region's message, and `announce`, which says it even when it is the message shown already
 * (`freshAnnouncement`): every action is announced, not only the first of its kind. `clear` empties
 * it once it no longer holds.
 */
export function useAnnouncement() {
  const [message, setMessage] = useState<string | null>(null);
  const announce = useCallback((text: string) => setMessage((shown) => freshAnnouncement(shown, text)), []);
  const clear = useCallback(() => setMessage(null), []);
  return [message, announce, clear] as const;
}
