import { useEffect, useState } from 'react';
import { getReaderSettings, type ReaderSettings, watchReaderSettings } from '@/lib/settings/reader-settings';

/** The reader's settings, live across every Shelf page; undefined until they have been read. */
export function useReaderSettings(): ReaderSettings | undefined {
  const [settings, setSettings] = useState<ReaderSettings | undefined>(undefined);
  useEffect(() => {
    let current = true;
    void getReaderSettings().then((stored) => current && setSettings(stored));
    const stop = watchReaderSettings(setSettings);
    return () => {
      current = false;
      stop();
    };
  }, []);
  return settings;
}
