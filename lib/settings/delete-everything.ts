import { clearAll } from '@/lib/db/clear';
import type { ShelfDatabase } from '@/lib/db/database';
import { giveBackAllSites, turnOffWhatNeedsAllSites } from '@/lib/settings/all-sites-access';
import { clearPreferences, PREFERENCES } from '@/lib/settings/preferences';
import { getSidePanelView } from '@/lib/side-panel/view';

/**
 * Deletes everything Shelf keeps: every record in the database (one transaction: all or nothing;
 * an import under way stops) and every preference. Call it in the click that asked: with the
 * features that need it back to off, the permission to read every site is given back first, in that
 * click (`giveBackAllSites`), keeping the narrower sites Chrome withdraws with it (the blog's, a
 * saved link's), which only a click may ask for again; the background, which sees the placement go
 * back to its default, then finds nothing more to give back.
 */
export async function deleteEverything(db?: ShelfDatabase): Promise<void> {
  await giveBackAllSites().catch(() => {});
  // Off from now, whatever happens next: a clearing that fails ("Nothing was deleted") left them on
  // without the access they need.
  const turnedOff = await turnOffWhatNeedsAllSites();
  // A side panel showing Settings, where this was asked, stays there to say it was done; any other
  // view (an item's card, the reader) goes back to the start with the rest.
  const inSettings = (await getSidePanelView()).kind === 'settings';
  try {
    await clearAll(db);
  } catch (error) {
    if (!turnedOff) throw error;
    // The browser's message may end its sentence ("… cannot be fulfilled."). Not "gave back": access
    // withdrawn in the browser's extension settings (Firefox's about:addons) turns them off here too.
    throw new Error(
      `${(error as Error).message.replace(/\.\s*$/, '')}. Shelf no longer has access to every site: related articles on every site and Keep images offline are off.`,
      { cause: error },
    );
  }
  await clearPreferences(inSettings ? [PREFERENCES.sidePanelView] : []);
}
