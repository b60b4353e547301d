import Dexie from 'dexie';
import { vi } from 'vitest';
import { DATABASE_NAME, resetDatabaseConnection } from '@/lib/db/database';

/**
 * Before a test that shows the reading list: an empty database, and a size for the virtualized list's
 * scroll box (jsdom has no layout, and the list renders no row in a box of none).
 */
export async function emptyDatabaseWithListBox(): Promise<void> {
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(600);
  vi.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(360);
  resetDatabaseConnection();
  await Dexie.delete(DATABASE_NAME);
}
