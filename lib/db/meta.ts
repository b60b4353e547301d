import type { ShelfDatabase } from '@/lib/db/database';
import { DataDeletedError } from '@/lib/db/errors';

/**
 * The database's epoch: a value that changes whenever everything is deleted. A long write records
 * it when it starts and checks it in each of its transactions (`assertEpoch`), so that "Delete
 * everything" during an import stops the import instead of the import bringing data back.
 */
export async function getEpoch(db: ShelfDatabase): Promise<string> {
  const record = await db.meta.get('epoch');
  return record?.key === 'epoch' ? record.value : 'initial';
}

/** Inside a transaction that includes `meta`: throws `DataDeletedError` if the epoch moved on. */
export async function assertEpoch(db: ShelfDatabase, epoch: string): Promise<void> {
  if ((await getEpoch(db)) !== epoch) throw new DataDeletedError();
}

export async function startNewEpoch(db: ShelfDatabase): Promise<void> {
  await db.meta.put({ key: 'epoch', value: crypto.randomUUID() });
}
