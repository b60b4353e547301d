import { indexedDB } from 'fake-indexeddb';

/** An IndexedDB whose `open` fails the way Firefox's does for extension pages in a private window. */
export function refusingIndexedDB(): IDBFactory {
  const refuse = () => {
    const request = {
      error: new DOMException(
        'A mutation operation was attempted on a database that did not allow mutations.',
        'InvalidStateError',
      ),
    } as { error: DOMException; onerror?: (event: unknown) => void };
    setTimeout(() => request.onerror?.({ target: request, preventDefault() {}, stopPropagation() {} }));
    return request;
  };
  return { open: refuse, deleteDatabase: refuse, cmp: indexedDB.cmp.bind(indexedDB) } as unknown as IDBFactory;
}
