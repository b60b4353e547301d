import { TagSettings } from '@/components/annotations/tag-settings';
import { CatalogUpdateSettings } from '@/components/catalog-update-settings';
import { AppearanceSettings } from '@/components/settings/appearance-settings';
import { BlogBoxSettings } from '@/components/settings/blog-box-settings';
import { DataSettings } from '@/components/settings/data-settings';
import { OfflineCopySettings } from '@/components/settings/offline-copy-settings';
import { RelatedSettings } from '@/components/settings/related-settings';
import { ShortcutSettings } from '@/components/settings/shortcut-settings';
import { SyncSettings } from '@/components/settings/sync-settings';
import { StorageGate } from '@/components/storage-gate';
import { getDatabase } from '@/lib/db/database';

/**
 * Every setting of Shelf: in the side panel's Settings view and on the options page. `at: 'import'`
 * takes the focus to importing from another app.
 */
export function SettingsView({ at }: { at?: 'import' }) {
  return (
    <StorageGate>
      <section aria-labelledby="settings-heading" className="settings">
        <h2 id="settings-heading">Settings</h2>
        <RelatedSettings />
        <BlogBoxSettings />
        <OfflineCopySettings />
        <AppearanceSettings />
        <CatalogUpdateSettings />
        <ShortcutSettings />
        <SyncSettings />
        <TagSettings db={getDatabase()} />
        <DataSettings db={getDatabase()} focusImport={at === 'import'} />
      </section>
    </StorageGate>
  );
}
