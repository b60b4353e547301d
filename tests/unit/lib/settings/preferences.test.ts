import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ShelfDatabase } from '@/lib/db/database';
import { deleteEverything } from '@/lib/settings/delete-everything';
import {
  changePreference,
  clearPreferences,
  getPreference,
  PREFERENCES,
  type Preference,
  type PreferenceName,
  restorePreferences,
  setPreference,
  snapshotPreferences,
} from '@/lib/settings/preferences';

/**
 * A value other than the default for every preference. The test below fails when a preference is
 * added without one here, so every key is proven to be covered by backup, restore and delete.
 */
const EXAMPLES: { [N in PreferenceName]: unknown } = {
  theme: 'dark',
  showBadge: false,
  readerFontSize: 24,
  readerWidth: 'wide',
  readerTheme: 'sepia',
  allowRemoteImages: true,
  keepImagesOffline: true,
  blogResumeOffer: false,
  blogBoxHidden: true,
  blogBoxDismissed: ['cache-stampede'],
  relatedPlacement: 'nowhere',
  relatedHiddenSites: ['docs.example.com'],
  recentlyOpened: ['cache-stampede'],
  popupState: { query: 'redis', topic: null, tag: null },
  sidePanelView: { view: { kind: 'reading-list' }, at: 5 },
  savesUnderWay: [{ id: 'save-1', title: 'A page', worker: 'worker-1' }],
  importsUnderWay: [
    { id: 'import-1', fileName: 'pocket.csv', kind: 'import', done: 500, total: 2000, step: 'started' },
  ],
  tabsDrawingHighlights: [{ tabId: 3, everySite: true }],
  catalogUpdateStatus: { state: 'done', phase: 'done', done: 1, total: 1, lines: ['2 addresses filled in'], at: 9 },
  syncEnabled: true,
  syncDeviceId: 'browser-1',
  syncStatus: { state: 'idle', lastSyncAt: 7, nextAttemptAt: null, fit: null, lastError: null },
};
const NAMES = Object.keys(PREFERENCES) as PreferenceName[];

async function setAllToExamples() {
  for (const name of NAMES) await setPreference(PREFERENCES[name] as never, EXAMPLES[name] as never);
}

describe('the preferences inventory', () => {
  it('has an example for every preference, each valid and not the default', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual([...NAMES].sort());
    for (const name of NAMES) {
      expect(PREFERENCES[name].schema.safeParse(EXAMPLES[name]).success, name).toBe(true);
      expect(EXAMPLES[name], name).not.toEqual(PREFERENCES[name].defaultValue);
    }
  });

  it('backup → clear → restore brings back every preference a backup carries, and only those', async () => {
    await setAllToExamples();
    const snapshot = JSON.parse(JSON.stringify(await snapshotPreferences()));
    await clearPreferences();
    for (const name of NAMES)
      expect(await getPreference(PREFERENCES[name] as Preference<unknown>), name).toEqual(
        PREFERENCES[name].defaultValue,
      );
    const report = await restorePreferences(snapshot);
    expect(report.skipped).toEqual([]);
    for (const name of NAMES) {
      const expected = PREFERENCES[name].backup === true ? EXAMPLES[name] : PREFERENCES[name].defaultValue;
      expect(await getPreference(PREFERENCES[name] as Preference<unknown>), name).toEqual(expected);
    }
  });

  it('"Delete everything" returns every preference to its default and leaves no key behind', async () => {
    const name = `shelf-prefs-${crypto.randomUUID()}`;
    const db = new ShelfDatabase(name);
    await setAllToExamples();
    await fakeBrowser.storage.local.set({ relatedShownNowhere: true, syncReplica: 'old', syncStatus: {} });
    await deleteEverything(db);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    db.close();
    await Dexie.delete(name);
  });

  it('reads a missing or foreign stored value as the default, and refuses to store an invalid one', async () => {
    await fakeBrowser.storage.local.set({ theme: '<script>', readerFontSize: 400 });
    expect(await getPreference(PREFERENCES.theme)).toBe('system');
    expect(await getPreference(PREFERENCES.readerFontSize)).toBe(18);
    await expect(setPreference(PREFERENCES.readerFontSize, 400)).rejects.toThrow(/not a valid value/i);
  });

  it('restore skips what it does not know and invalid values, with reasons', async () => {
    const report = await restorePreferences({ unknownThing: 1, theme: 'neon', showBadge: false });
    expect(report.restored).toEqual(['showBadge']);
    expect(report.skipped).toEqual([
      { name: 'unknownThing', reason: 'not a setting this version of Shelf knows' },
      { name: 'theme', reason: 'its value is not valid' },
    ]);
  });

  // Red team: a backup whose preferences name Object.prototype's members stopped the restore, after
  // its items were written, with "Cannot read properties of undefined (reading 'excluded')".
  it('restore takes a name of an object’s own members (constructor, toString, __proto__) for an unknown setting', async () => {
    const snapshot = JSON.parse('{"constructor":1,"toString":"x","__proto__":{"showBadge":false},"showBadge":false}');
    const report = await restorePreferences(snapshot);
    expect(report.restored).toEqual(['showBadge']);
    expect(report.skipped.map(({ name, reason }) => [name, reason])).toEqual(
      ['constructor', 'toString', '__proto__'].map((name) => [name, 'not a setting this version of Shelf knows']),
    );
  });
});

describe('changePreference', () => {
  it('runs changes of one preference one at a time, so none is lost', async () => {
    const entry = (id: string) => ({ id, title: id, worker: 'w' });
    await Promise.all(
      ['a', 'b', 'c'].map((id) => changePreference(PREFERENCES.savesUnderWay, (list) => [...list, entry(id)])),
    );
    expect((await getPreference(PREFERENCES.savesUnderWay)).map((saved) => saved.id)).toEqual(['a', 'b', 'c']);
  });

  it('writes nothing when the change gives back the value, or a list of the same entries', async () => {
    await setPreference(PREFERENCES.savesUnderWay, [{ id: 'a', title: 'A', worker: 'w' }]);
    const set = vi.spyOn(fakeBrowser.storage.session, 'set');
    await changePreference(PREFERENCES.savesUnderWay, (list) => list);
    await changePreference(PREFERENCES.savesUnderWay, (list) => list.filter(() => true));
    expect(set).not.toHaveBeenCalled();
    await changePreference(PREFERENCES.savesUnderWay, () => []);
    expect(set).toHaveBeenCalledTimes(1);
  });
});
