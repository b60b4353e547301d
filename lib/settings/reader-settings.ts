import {
  getPreferences,
  PREFERENCES,
  type Preference,
  setPreference,
  watchPreference,
} from '@/lib/settings/preferences';

/** The reader's preferences, as the reader and its settings fields use them together. */
export const READER_SETTING_NAMES = ['readerFontSize', 'readerWidth', 'readerTheme', 'allowRemoteImages'] as const;
export type ReaderSettingName = (typeof READER_SETTING_NAMES)[number];
export type ReaderSettings = Awaited<ReturnType<typeof getReaderSettings>>;

export const DEFAULT_READER_SETTINGS = {
  readerFontSize: PREFERENCES.readerFontSize.defaultValue,
  readerWidth: PREFERENCES.readerWidth.defaultValue,
  readerTheme: PREFERENCES.readerTheme.defaultValue,
  allowRemoteImages: PREFERENCES.allowRemoteImages.defaultValue,
};

export function getReaderSettings() {
  return getPreferences(READER_SETTING_NAMES);
}

export async function updateReaderSettings(patch: Partial<ReaderSettings>): Promise<void> {
  for (const name of READER_SETTING_NAMES) {
    const value = patch[name];
    if (value !== undefined) await setPreference(PREFERENCES[name] as Preference<unknown>, value);
  }
}

/** Calls `onChange` with all reader settings whenever one of them changes. Returns an unsubscribe. */
export function watchReaderSettings(onChange: (settings: ReaderSettings) => void): () => void {
  const stops = READER_SETTING_NAMES.map((name) =>
    watchPreference(PREFERENCES[name] as Preference<unknown>, () => void getReaderSettings().then(onChange)),
  );
  return () => {
    for (const stop of stops) stop();
  };
}
