import { refreshBadge } from '@/lib/background/badge';
import { startCopyTextRefresh } from '@/lib/background/copy-texts';
import { keepLibraryPostingsInStep } from '@/lib/background/library-postings';
import { applyRelatedPlacement, syncRelatedAnywhere } from '@/lib/background/related-anywhere';
import { watchDatabaseChanges } from '@/lib/db/change-signal';
import { DATABASE_NAME } from '@/lib/db/database';
import { hasAllSitesPermission } from '@/lib/settings/all-sites-access';
import { migrateLegacySettings } from '@/lib/settings/migrate-legacy';
import { PREFERENCES, watchPreference } from '@/lib/settings/preferences';

const warn = (what: string) => (error: unknown) => console.warn(`Shelf: ${what}`, error);

/**
 * What the background keeps in step with the user's data and preferences: the badge (from the
 * unread count and "show badge") and the every-site content script and permission (from the
 * related-articles placement). Called on every start of the service worker; listeners registered
 * here wake it when a preference changes, and pages send `data-changed` after database writes.
 */
export function keepDerivedStateInStep(): void {
  void migrateLegacySettings(hasAllSitesPermission)
    .catch(warn('could not carry settings over from an earlier version'))
    .then(() => Promise.all([syncRelatedAnywhere(), refreshBadge()]))
    .catch(warn('could not bring the badge and related articles in step'));
  watchPreference(PREFERENCES.showBadge, () => void refreshBadge().catch(warn('badge not updated')));
  watchPreference(
    PREFERENCES.relatedPlacement,
    (placement) => void applyRelatedPlacement(placement).catch(warn('placement not applied')),
  );
  // The library search index, analyzed item by item ahead of the pages that search it.
  keepLibraryPostingsInStep();
  // Saved copies' searched text, read again once when an earlier version saved it by an older rule.
  startCopyTextRefresh();
  // The service worker's own writes (saving from a menu) and, while it is awake, other contexts'.
  watchDatabaseChanges(DATABASE_NAME, () => void refreshBadge().catch(warn('badge not updated')));
}
