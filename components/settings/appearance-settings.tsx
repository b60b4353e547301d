import { useId } from 'react';
import { usePreference } from '@/components/hooks/use-preference';
import { useReaderSettings } from '@/components/hooks/use-reader-settings';
import { ReaderSettingsFields } from '@/components/reader-settings';
import { PREFERENCES, setPreference } from '@/lib/settings/preferences';
import { updateReaderSettings } from '@/lib/settings/reader-settings';
import { saveTheme, THEMES, type Theme } from '@/lib/settings/theme';

const THEME_LABELS: Record<Theme, string> = { system: 'Same as the system', light: 'Light', dark: 'Dark' };

/** Theme, the reader's typography and the toolbar badge. */
export function AppearanceSettings() {
  const settings = useReaderSettings();
  const showBadge = usePreference(PREFERENCES.showBadge);
  const theme = usePreference(PREFERENCES.theme);
  const themeId = useId();
  return (
    <section aria-labelledby="appearance-heading">
      <h3 id="appearance-heading">Appearance</h3>
      <p>
        <label htmlFor={themeId}>Theme</label>{' '}
        <select id={themeId} value={theme ?? 'system'} onChange={(e) => void saveTheme(e.target.value as Theme)}>
          {THEMES.map((value) => (
            <option key={value} value={value}>
              {THEME_LABELS[value]}
            </option>
          ))}
        </select>
      </p>
      {settings && (
        <ReaderSettingsFields
          settings={settings}
          onSettingsChange={(patch) => void updateReaderSettings(patch)}
          className="import-fieldset reader-settings-fields"
          legend="Reader"
          showLegend
        />
      )}
      <label className="setting-row">
        <input
          type="checkbox"
          checked={showBadge ?? true}
          disabled={showBadge === undefined}
          onChange={(e) => void setPreference(PREFERENCES.showBadge, e.target.checked)}
        />{' '}
        Show the number of unread saved articles on the toolbar button
      </label>
    </section>
  );
}
