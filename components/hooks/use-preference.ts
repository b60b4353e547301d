import { useEffect, useState } from 'react';
import { getPreference, type Preference, watchPreference } from '@/lib/settings/preferences';

/** A preference's value, live across every Shelf page; undefined until it has been read. */
export function usePreference<T>(pref: Preference<T>): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    let current = true;
    void getPreference(pref).then((stored) => current && setValue(stored));
    const stop = watchPreference(pref, setValue);
    return () => {
      current = false;
      stop();
    };
  }, [pref]);
  return value;
}
