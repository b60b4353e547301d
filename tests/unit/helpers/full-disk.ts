/**
 * A disk that fills up, as IndexedDB reports it: the store request (`put`, `add`) fails with a
 * `QuotaExceededError` DOMException (the specification's "store a record", Firefox's way), so Dexie
 * sees what a real browser gives it — inside a bulk write or a `modify`, a `BulkError` or `ModifyError`
 * holding it, not the DOMException itself. Mocking `transaction` or a hook skips that wrapping.
 */

interface FakeTransaction {
  _execRequestAsync(request: { operation: () => unknown; source: unknown }): IDBRequest;
}

/**
 * From now on, the `allowed` next record writes succeed (to `tables` only, when given) and every later
 * one fails for lack of room. Returns a function that gives the room back.
 */
export function fillDiskAfter(allowed: number, tables?: readonly string[]): () => void {
  const store = IDBObjectStore.prototype;
  const { put, add } = store;
  let left = allowed;
  const failing = (write: typeof put) =>
    function (this: IDBObjectStore, value: unknown, key?: IDBValidKey): IDBRequest {
      if ((tables && !tables.includes(this.name)) || left-- > 0) return write.call(this, value, key);
      return (this.transaction as unknown as FakeTransaction)._execRequestAsync({
        operation: () => {
          throw new DOMException('The current transaction exceeded its quota limitations.', 'QuotaExceededError');
        },
        source: this,
      });
    };
  store.put = failing(put);
  store.add = failing(add);
  return () => {
    store.put = put;
    store.add = add;
  };
}
