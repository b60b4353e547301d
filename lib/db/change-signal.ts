import Dexie from 'dexie';

/**
 * Tables whose writes are no change of the user's data: data derived from the rest (kept by the
 * background), and Shelf's bookkeeping (`meta`: each of its writes that goes with a change of the
 * user's data goes with writes to their tables; the end of the saved-copy refresh, which may write
 * only its progress, asks for the library index itself). Sync saving its record of the last sync
 * counted as a change, which asked for the next sync: it synced every five seconds while nothing changed.
 */
const UNWATCHED_TABLES = ['libraryPostings', 'librarySnapshot', 'meta'];

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
      part.startsWith(prefix) && !UNWATCHED_TABLES.some((table) => part.startsWith(`${prefix}${table}/`));
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
