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
 * in this context or, through Dexie's broadcast, in another one while this one is awake; it is
 * given the tables changed since the last call. Returns an unsubscribe.
 */
export function watchDatabaseChanges(
  databaseName: string,
  onChange: (tables: ReadonlySet<string>) => void,
  delayMs = 150,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let changed = new Set<string>();
  const prefix = `idb://${databaseName}/`;
  const listener = (parts: Record<string, unknown>) => {
    const tables = Object.keys(parts)
      .filter((part) => part.startsWith(prefix))
      .map((part) => part.slice(prefix.length).split('/')[0] ?? '')
      .filter((table) => table && !UNWATCHED_TABLES.includes(table));
    if (tables.length === 0) return;
    for (const table of tables) changed.add(table);
    timer ??= setTimeout(() => {
      timer = undefined;
      const tables = changed;
      changed = new Set();
      onChange(tables);
    }, delayMs);
  };
  Dexie.on('storagemutated', listener);
  return () => {
    Dexie.on('storagemutated').unsubscribe(listener);
    if (timer !== undefined) clearTimeout(timer);
  };
}
