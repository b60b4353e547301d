import { useCallback, useEffect, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { CatalogUpdateSettings } from '@/components/catalog-update-settings';
import { usePreference } from '@/components/hooks/use-preference';
import { useReaderSettings } from '@/components/hooks/use-reader-settings';
import { ReaderSettingsFields } from '@/components/reader-settings';
import { getHiddenSites, getRelatedPlacement, hideOnSite, unhideSite } from '@/lib/content/hidden-sites';
import { getDatabase } from '@/lib/db/database';
import { PREFERENCES, setPreference } from '@/lib/settings/preferences';
import { updateReaderSettings } from '@/lib/settings/reader-settings';
import { type RelatedPlacement, setRelatedPlacement } from '@/lib/settings/related-placement';
import { loadTheme, saveTheme, THEMES, type Theme } from '@/lib/settings/theme';
import { DataSettings } from './data-settings';

const PLACEMENTS: { value: RelatedPlacement; label: string; hint: string }[] = [
  { value: 'blog', label: 'On the blog only', hint: 'next to the article you are reading on webcoderspeed.com' },
  {
    value: 'everywhere',
    label: 'On every site',
    hint: 'asks to read the sites you visit; the text is matched in your browser and sent nowhere',
  },
  { value: 'nowhere', label: 'Nowhere', hint: 'the side panel and "Find related" still work' },
];

function RelatedSettings() {
  const [placement, setPlacement] = useState<RelatedPlacement | null>(null);
  const [hiddenSites, setHiddenSites] = useState<string[]>([]);
  const [newSite, setNewSite] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const refreshSites = useCallback(() => void getHiddenSites().then(setHiddenSites), []);
  useEffect(() => {
    void getRelatedPlacement().then(setPlacement);
    refreshSites();
  }, [refreshSites]);

  const addSite = () =>
    void hideOnSite(newSite).then((site) => {
      setNotice(
        site
          ? null
          : `“${newSite.trim().slice(0, 80)}” is not a site: type a name like example.com, or paste an address.`,
      );
      if (!site) return;
      setNewSite('');
      refreshSites();
    });

  return (
    <section aria-labelledby="related-settings-heading">
      <h3 id="related-settings-heading">Related articles</h3>
      <fieldset className="import-fieldset">
        <legend>Where related articles appear</legend>
        {PLACEMENTS.map((option) => (
          <label key={option.value} className="setting-row">
            <input
              type="radio"
              name="related-placement"
              checked={placement === option.value}
              disabled={placement === null}
              // The permission prompt needs this click's user gesture: nothing is awaited before it.
              onChange={() =>
                void setRelatedPlacement(option.value).then(
                  (change) => {
                    setPlacement(change.placement);
                    setNotice(
                      change.refused
                        ? 'Related articles stay where they were: showing them on every site needs the permission to read the sites you visit, which was not given.'
                        : null,
                    );
                  },
                  () => setPlacement('blog'),
                )
              }
            />{' '}
            {option.label} <span className="muted small">({option.hint})</span>
          </label>
        ))}
      </fieldset>
      <h4>Never on these sites</h4>
      {hiddenSites.length === 0 ? (
        <p className="muted small">No sites. “Don’t show on this site” in the box adds one.</p>
      ) : (
        <ul aria-label="Sites where related articles never appear">
          {hiddenSites.map((site) => (
            <li key={site}>
              {site}{' '}
              <button
                type="button"
                className="link-button"
                aria-label={`Show again on ${site}`}
                onClick={() => void unhideSite(site).then(refreshSites)}
              >
                Show again
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          addSite();
        }}
      >
        <label>
          Never show on{' '}
          <input
            type="text"
            inputMode="url"
            placeholder="example.com"
            value={newSite}
            onChange={(e) => setNewSite(e.target.value)}
          />
        </label>{' '}
        <button type="submit" className="button secondary">
          Add site
        </button>
      </form>
      {notice && (
        <p role="alert" className="notice small">
          {notice}
        </p>
      )}
    </section>
  );
}

function ShortcutSettings() {
  const [commands, setCommands] = useState<{ name?: string; description?: string; shortcut?: string }[]>([]);
  useEffect(() => {
    void browser.commands.getAll().then(setCommands);
  }, []);
  const openShortcutSettings = () => {
    const commandsApi = browser.commands as { openShortcutSettings?: () => Promise<void> };
    if (commandsApi.openShortcutSettings) void commandsApi.openShortcutSettings();
    else void browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
  };
  return (
    <section aria-labelledby="shortcut-settings-heading">
      <h3 id="shortcut-settings-heading">Keyboard shortcuts</h3>
      <dl className="keyboard-help">
        {commands.map((command) => (
          <div key={command.name}>
            <dt>
              <kbd>{command.shortcut || 'not set'}</kbd>
            </dt>
            <dd>
              {command.description ||
                (command.name === '_execute_action' || command.name === '_execute_browser_action'
                  ? 'Search Shelf'
                  : command.name)}
            </dd>
          </div>
        ))}
      </dl>
      <p>
        <button type="button" className="button secondary" onClick={openShortcutSettings}>
          Change shortcuts
        </button>{' '}
        <span className="muted small">
          (in Chrome at chrome://extensions/shortcuts; in Firefox at about:addons → ⚙ → Manage Extension Shortcuts)
        </span>
      </p>
    </section>
  );
}

/** Every setting of Shelf: in the side panel's Settings view and on the options page. */
export function SettingsView() {
  const db = getDatabase();
  const settings = useReaderSettings();
  const showBadge = usePreference(PREFERENCES.showBadge);
  const [theme, setTheme] = useState<Theme>('system');
  const themeId = useId();
  useEffect(() => {
    void loadTheme().then(setTheme);
  }, []);

  return (
    <section aria-labelledby="settings-heading" className="settings">
      <h2 id="settings-heading">Settings</h2>
      <RelatedSettings />
      <section aria-labelledby="appearance-heading">
        <h3 id="appearance-heading">Appearance</h3>
        <p>
          <label htmlFor={themeId}>Theme</label>{' '}
          <select
            id={themeId}
            value={theme}
            onChange={(e) => {
              const next = e.target.value as Theme;
              setTheme(next);
              void saveTheme(next);
            }}
          >
            {THEMES.map((value) => (
              <option key={value} value={value}>
                {value === 'system' ? 'Same as the system' : value === 'light' ? 'Light' : 'Dark'}
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
      <CatalogUpdateSettings />
      <ShortcutSettings />
      <DataSettings db={db} />
    </section>
  );
}
