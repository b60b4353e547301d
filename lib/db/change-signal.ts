import Dexie from 'dexie';

/**
 * Calls `onChange` (at most once per `delayMs`) after any transaction changes Shelf's database,
 * in this context or, through Dexie's broadcast, in another one while this one is awake.
 * Returns an unsubscribe.
 */
export function watchDatabaseChanges(databaseName: string, onChange: () => void, delayMs = 150): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const listener = (parts: Record<string, unknown>) => {
    if (!Object.keys(parts).some((part) => part.startsWith(`idb://${databaseName}/`))) return;
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
