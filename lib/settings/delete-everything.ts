import { clearAll } from '@/lib/db/clear';
import type { ShelfDatabase } from '@/lib/db/database';
import { clearPreferences, PREFERENCES } from '@/lib/settings/preferences';
import { getSidePanelView } from '@/lib/side-panel/view';

/**
 * Deletes everything Shelf keeps: every record in the database (one transaction: all or nothing;
 * an import under way stops) and every preference. The background sees the placement go back to
 * its default and gives back the "every site" permission.
 */
export async function deleteEverything(db?: ShelfDatabase): Promise<void> {
  // A side panel showing Settings, where this was asked, stays there to say it was done; any other
  // view (an item's card, the reader) goes back to the start with the rest.
  const inSettings = (await getSidePanelView()).kind === 'settings';
  await clearAll(db);
  await clearPreferences(inSettings ? [PREFERENCES.sidePanelView] : []);
}
