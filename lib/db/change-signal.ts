import Dexie from 'dexie';

/** Tables of data derived from the rest (kept by the background): their writes are no change of the user's data. */
const DERIVED_TABLES = ['libraryPostings', 'librarySnapshot'];

/**
 * Calls `onChange` (at most once per `delayMs`) after any transaction changes Shelf's database,
 * in this context or, through Dexie's broadcast, in another one while this one is awake.
 * Returns an unsubscribe.
 */
export function watchDatabaseChanges(databaseName: string, onChange: () => void, delayMs = 150): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const listener = (parts: Record<string, unknown>) => {
    const prefix = `idb://${databaseName}/`;
    const isDataPart = (part: string) =>
      part.startsWith(prefix) && !DERIVED_TABLES.some((table) => part.startsWith(`${prefix}${table}/`));
    if (!Object.keys(parts).some(isDataPart)) return;
    timer ??= setTimeout(() => {
      timer = undefined;
      onChange();
    }, delayMs);
  };
  Dexie.on('storagemutated', listener);
  return () => {
    Dexie.on('storagemutated').unsubscribe(listener);
    if (timer !== undefined) clearTimeout(timer);
  };
}
