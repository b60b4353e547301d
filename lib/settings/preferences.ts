import { browser } from 'wxt/browser';
import { MAX_REPORT_LINE, MAX_REPORT_LINES } from '@/lib/catalog-updates/report';
import { THEMES, type Theme } from '@/lib/settings/theme-attribute';
import { sidePanelViewSchema } from '@/lib/side-panel/view-schema';
import { type SyncStatus, storedSyncStatusSchema } from '@/lib/sync/sync-status';
// zod/mini: content scripts read preferences, where full Zod's size shows.
import { z } from '@/lib/zod/mini';

/**
 * Every setting and every piece of small state Shelf keeps outside the database, in one list:
 * each with its storage key, its area (`storage.local` survives restarts and content scripts can
 * read it; `storage.session` is cleared when the browser closes), a Zod schema, a default, and
 * whether backups carry it. Backup, restore and "Delete everything" walk this list, so a key added
 * here is covered by all three (a test checks it).
 */
type Area = 'local' | 'session';

export interface Preference<T> {
  readonly key: string;
  readonly area: Area;
  readonly schema: z.ZodMiniType<T>;
  readonly defaultValue: T;
  /** `true`, or why a backup does not carry it. */
  readonly backup: true | { readonly excluded: string };
  /** Whether sync between browsers carries it (lib/sync): settings the user wants everywhere. */
  readonly sync?: true;
}

function preference<T>(definition: Preference<T>): Preference<T> {
  return definition;
}

export const RELATED_PLACEMENTS = ['blog', 'everywhere', 'nowhere'] as const;
/** Where the "Related articles" box appears: the blog only (default), every site, or nowhere. */
export type RelatedPlacement = (typeof RELATED_PLACEMENTS)[number];
export const READER_WIDTHS = ['narrow', 'medium', 'wide'] as const;
export const READER_THEMES = ['system', 'light', 'dark', 'sepia'] as const;

/** An update of the catalog from the blog: under way (with progress), or done (with its report). */
export interface CatalogUpdateStatus {
  state: 'running' | 'done';
  phase: string;
  done: number;
  total: number;
  lines: string[];
  at: number;
}

/** A save of a page under way in a service worker (lib/background/saves-under-way.ts). */
export interface SaveUnderWay {
  id: string;
  title: string;
  worker: string;
  /** The page and its copy are stored; its images (when kept offline) were still being fetched. */
  saved?: boolean;
  /** A link's item is stored without a copy; its page was still being fetched ("Save to Shelf" on a link, "Capture now"). */
  withoutCopy?: boolean;
  /** Likewise, but the item had a copy already (the link saved again, or captured again): it still has that one. */
  withEarlierCopy?: boolean;
  /** A link's: the id its item is saved under, looked for when it is reported with neither mark (stopped before one was written). */
  linkItemId?: string;
  /** An open page's: the id its item is saved under, and when its save began: a copy taken since says it was stored. */
  pageItemId?: string;
  startedAt?: number;
}

/** An import or restore a Shelf page is running (lib/import/imports-under-way.ts). */
export interface ImportUnderWay {
  id: string;
  fileName: string;
  /** A backup restored replacing everything writes its items in one transaction: stopped before it ends, it changed nothing. */
  kind: 'import' | 'merge' | 'replace';
  done: number;
  total: number;
  /**
   * How far a restore got: "started", or "recordsWritten" once its items are written (a replacement's
   * transaction committed) and its settings are being restored. Its count cannot always say so: a backup
   * of no items starts and ends at 0 of 0 (a whole count of more does: it is written before the step).
   * Absent from entries listed before it was kept.
   */
  step?: ImportStep;
}

export const IMPORT_STEPS = ['started', 'recordsWritten'] as const;
export type ImportStep = (typeof IMPORT_STEPS)[number];

/** The longest search the popup keeps (the box accepts no more). */
export const MAX_POPUP_QUERY = 500;

export const PREFERENCES = {
  theme: preference<Theme>({
    key: 'theme',
    area: 'local',
    schema: z.enum(THEMES),
    defaultValue: 'system',
    backup: true,
    sync: true,
  }),
  showBadge: preference<boolean>({
    key: 'showBadge',
    area: 'local',
    schema: z.boolean(),
    defaultValue: true,
    backup: true,
    sync: true,
  }),
  readerFontSize: preference<number>({
    key: 'readerFontSize',
    area: 'local',
    schema: z.number().check(z.int(), z.minimum(12), z.maximum(32)),
    defaultValue: 18,
    backup: true,
    sync: true,
  }),
  readerWidth: preference<(typeof READER_WIDTHS)[number]>({
    key: 'readerWidth',
    area: 'local',
    schema: z.enum(READER_WIDTHS),
    defaultValue: 'medium',
    backup: true,
    sync: true,
  }),
  readerTheme: preference<(typeof READER_THEMES)[number]>({
    key: 'readerTheme',
    area: 'local',
    schema: z.enum(READER_THEMES),
    defaultValue: 'system',
    backup: true,
    sync: true,
  }),
  allowRemoteImages: preference<boolean>({
    key: 'allowRemoteImages',
    area: 'local',
    schema: z.boolean(),
    defaultValue: false,
    backup: { excluded: 'it makes the reader load images from other sites: only the user turns that on, in Settings' },
  }),
  keepImagesOffline: preference<boolean>({
    key: 'keepImagesOffline',
    area: 'local',
    schema: z.boolean(),
    defaultValue: false,
    backup: { excluded: 'it makes saving fetch images from other sites: only the user turns that on, in Settings' },
  }),
  /** The blog box offers to resume a saved article where it was left (separate from related articles). */
  blogResumeOffer: preference<boolean>({
    key: 'blogResumeOffer',
    area: 'local',
    schema: z.boolean(),
    defaultValue: true,
    backup: true,
  }),
  /** "Don't show on this blog": no box at all on the blog's pages (progress is still kept). */
  blogBoxHidden: preference<boolean>({
    key: 'blogBoxHidden',
    area: 'local',
    schema: z.boolean(),
    defaultValue: false,
    backup: true,
  }),
  /** Articles whose blog box the user closed (catalog ids, newest last): it stays closed there. */
  blogBoxDismissed: preference<string[]>({
    key: 'blogBoxDismissed',
    area: 'local',
    schema: z.array(z.string().check(z.minLength(1), z.maxLength(200))).check(z.maxLength(1000)),
    defaultValue: [],
    backup: true,
  }),
  relatedPlacement: preference<RelatedPlacement>({
    key: 'relatedPlacement',
    area: 'local',
    schema: z.enum(RELATED_PLACEMENTS),
    defaultValue: 'blog',
    backup: true,
  }),
  relatedHiddenSites: preference<string[]>({
    key: 'relatedHiddenSites',
    area: 'local',
    schema: z.array(z.string().check(z.minLength(1), z.maxLength(255))).check(z.maxLength(5000)),
    defaultValue: [],
    backup: true,
  }),
  recentlyOpened: preference<string[]>({
    key: 'recentlyOpened',
    area: 'local',
    schema: z.array(z.string().check(z.maxLength(200))).check(z.maxLength(50)),
    defaultValue: [],
    backup: true,
  }),
  popupState: preference<{ query: string; topic: string | null; tag: string | null; firstPaint?: unknown } | null>({
    key: 'popupState',
    area: 'session',
    schema: z.nullable(
      z.object({
        query: z.string().check(z.maxLength(MAX_POPUP_QUERY)),
        topic: z.nullable(z.string().check(z.maxLength(64))),
        tag: z.nullable(z.string().check(z.maxLength(100))),
        // Checked on its own by the popup: an unreadable picture costs the first paint, not the query.
        firstPaint: z.optional(z.unknown()),
      }),
    ),
    defaultValue: null,
    backup: { excluded: 'the popup’s last search lasts for this browser session only' },
  }),
  catalogUpdateStatus: preference<CatalogUpdateStatus | null>({
    key: 'catalogUpdateStatus',
    area: 'local',
    schema: z.nullable(
      z.object({
        state: z.enum(['running', 'done']),
        phase: z.string().check(z.maxLength(20)),
        done: z.number(),
        total: z.number(),
        /** The report's lines, when done. */
        lines: z.array(z.string().check(z.maxLength(MAX_REPORT_LINE))).check(z.maxLength(MAX_REPORT_LINES)),
        at: z.number(),
      }),
    ),
    defaultValue: null,
    backup: { excluded: 'the report of this browser’s last catalog update' },
  }),
  sidePanelView: preference<{ view: z.infer<typeof sidePanelViewSchema>; at: number }>({
    key: 'sidePanelView',
    area: 'session',
    schema: z.object({ view: sidePanelViewSchema, at: z.number() }),
    defaultValue: { view: { kind: 'browse' }, at: 0 },
    backup: { excluded: 'what the side panel shows lasts for this browser session only' },
  }),
  /**
   * Imports and restores Shelf's pages are running (they run in the page that chose the file), each
   * holding a Web Lock while it runs: one listed without its lock was stopped by its page closing.
   */
  importsUnderWay: preference<ImportUnderWay[]>({
    key: 'importsUnderWay',
    area: 'session',
    schema: z
      .array(
        z.object({
          id: z.string(),
          fileName: z.string().check(z.maxLength(300)),
          kind: z.enum(['import', 'merge', 'replace']),
          done: z.number(),
          total: z.number(),
          step: z.optional(z.enum(IMPORT_STEPS)),
        }),
      )
      .check(z.maxLength(20)),
    defaultValue: [],
    backup: { excluded: 'work under way in this browser session' },
  }),
  /**
   * Pages the background is saving for the menu or the shortcut, with the worker that saves each
   * (lib/background/saves-under-way.ts): one still listed by a worker that is gone was cut short.
   */
  savesUnderWay: preference<SaveUnderWay[]>({
    key: 'savesUnderWay',
    area: 'session',
    schema: z
      .array(
        z.object({
          id: z.string(),
          title: z.string().check(z.maxLength(300)),
          worker: z.string(),
          saved: z.optional(z.boolean()),
          withoutCopy: z.optional(z.boolean()),
          withEarlierCopy: z.optional(z.boolean()),
          linkItemId: z.optional(z.string().check(z.maxLength(300))),
          pageItemId: z.optional(z.string().check(z.maxLength(300))),
          startedAt: z.optional(z.number()),
        }),
      )
      .check(z.maxLength(100)),
    defaultValue: [],
    backup: { excluded: 'work under way in this browser session' },
  }),
  /**
   * The tabs whose Shelf script drew a page's highlights (lib/background/page-highlight-changes.ts):
   * only they are told when highlights change. By tab id, which lasts for this browser session;
   * `everySite`: drawn by the every-site script (told only while it runs), not the blog's.
   */
  tabsDrawingHighlights: preference<{ tabId: number; everySite: boolean }[]>({
    key: 'tabsDrawingHighlights',
    area: 'session',
    schema: z
      .array(z.object({ tabId: z.number().check(z.int(), z.minimum(0)), everySite: z.boolean() }))
      .check(z.maxLength(500)),
    defaultValue: [],
    backup: { excluded: 'tabs open in this browser session' },
  }),
  syncEnabled: preference<boolean>({
    key: 'syncEnabled',
    area: 'local',
    schema: z.boolean(),
    defaultValue: false,
    backup: { excluded: 'sync is turned on in each browser, by the user' },
  }),
  /** This browser's id among the user's browsers (made when sync is first turned on). */
  syncDeviceId: preference<string | null>({
    key: 'syncDeviceId',
    area: 'local',
    schema: z.nullable(z.string().check(z.minLength(1), z.maxLength(64))),
    defaultValue: null,
    backup: { excluded: 'it names this browser; a restored copy elsewhere must not take it' },
  }),
  /**
   * What Settings shows about sync (lib/sync/sync-status.ts), written by the background at each
   * sync. In `storage.session`: it names items (titles), and content scripts cannot read that area.
   */
  syncStatus: preference<SyncStatus | null>({
    key: 'syncStatus',
    area: 'session',
    schema: storedSyncStatusSchema,
    defaultValue: null,
    backup: { excluded: 'the state of this browser’s sync' },
  }),
} as const;

export type Preferences = typeof PREFERENCES;
export type PreferenceName = keyof Preferences;
export type PreferenceValue<N extends PreferenceName> = Preferences[N] extends Preference<infer T> ? T : never;

const ALL: readonly Preference<unknown>[] = Object.values(PREFERENCES) as Preference<unknown>[];

/**
 * Where sync's record of the last sync was kept before the database held it (`storage.local`, which
 * content scripts can read); moved by `lib/background/sync.ts` (`takeLegacySyncReplica`).
 */
export const LEGACY_SYNC_REPLICA_KEY = 'syncReplica';

/** Keys earlier versions kept in `storage.local` that no preference uses there any more; "Delete everything" removes them too. */
export const RETIRED_KEYS = ['relatedShownNowhere', 'syncStatus', LEGACY_SYNC_REPLICA_KEY] as const;

function storageArea(area: Area) {
  return area === 'local' ? browser.storage.local : browser.storage.session;
}

/** The stored value, or the default when it is missing or not a value Shelf wrote. */
export function parsePreference<T>(pref: Preference<T>, stored: unknown): T {
  if (stored === undefined) return pref.defaultValue;
  const parsed = pref.schema.safeParse(stored);
  return parsed.success ? parsed.data : pref.defaultValue;
}

export async function getPreference<T>(pref: Preference<T>): Promise<T> {
  const stored = await storageArea(pref.area).get(pref.key);
  return parsePreference(pref, stored[pref.key]);
}

/** Several preferences of one area in one read (content scripts read what they need at once). */
export async function getPreferences<const N extends PreferenceName>(
  names: readonly N[],
): Promise<{ [K in N]: PreferenceValue<K> }> {
  const result: Record<string, unknown> = {};
  for (const area of ['local', 'session'] as const) {
    const inArea = names.filter((name) => PREFERENCES[name].area === area);
    if (inArea.length === 0) continue;
    const stored = await storageArea(area).get(inArea.map((name) => PREFERENCES[name].key));
    for (const name of inArea) {
      const pref = PREFERENCES[name] as Preference<unknown>;
      result[name] = parsePreference(pref, stored[pref.key]);
    }
  }
  return result as { [K in N]: PreferenceValue<K> };
}

/** Stores a value after checking it against the preference's schema (throws on a wrong one). */
export async function setPreference<T>(pref: Preference<T>, value: T): Promise<void> {
  const parsed = pref.schema.safeParse(value);
  if (!parsed.success) throw new Error(`Not a valid value for the setting "${pref.key}".`);
  await storageArea(pref.area).set({ [pref.key]: parsed.data });
}

/** Per key, the last change of a preference under way in this context (`changePreference`). */
const changesUnderWay = new Map<string, Promise<unknown>>();

/** The part of the Web Locks API `changePreference` uses (`navigator.locks`; a fake in tests). */
export interface PreferenceLocks {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

/**
 * Reads `pref`, and stores what `change` makes of it: one change of a preference at a time in this
 * context (two at once would each write what they read, and one would be lost: lists of work under
 * way, of tabs). Given `locks` (a preference several Shelf pages change: the imports under way), each
 * change also holds the Web Lock named by the key, so that pages take turns too (review: two pages
 * importing at once each wrote the list without the other's entry). Only Shelf's own pages and worker
 * may pass it: a content script's locks are the web page's, which the page could hold for ever.
 * Nothing is written when `change` returns the value read, or a list of the same entries (asked at
 * every start, these lists mostly stay as they are).
 */
export function changePreference<T>(
  pref: Preference<T>,
  change: (value: T) => T | Promise<T>,
  { locks }: { locks?: PreferenceLocks | undefined } = {},
): Promise<void> {
  const readAndWrite = async () => {
    const value = await getPreference(pref);
    const changed = await change(value);
    const same =
      changed === value ||
      (Array.isArray(value) &&
        Array.isArray(changed) &&
        changed.length === value.length &&
        changed.every((entry, at) => entry === value[at]));
    if (!same) await setPreference(pref, changed);
  };
  const next = (changesUnderWay.get(pref.key) ?? Promise.resolve()).then(() =>
    locks ? locks.request(`shelf-preference:${pref.key}`, readAndWrite) : readAndWrite(),
  );
  changesUnderWay.set(
    pref.key,
    next.catch(() => {}),
  );
  return next;
}

/** Sets several preferences, one write per area; each value is checked first, and one not valid writes nothing. */
export async function setPreferences(values: ReadonlyArray<readonly [Preference<unknown>, unknown]>): Promise<void> {
  const byArea = new Map<Area, Record<string, unknown>>();
  for (const [pref, value] of values) {
    const parsed = pref.schema.safeParse(value);
    if (!parsed.success) throw new Error(`Not a valid value for the setting "${pref.key}".`);
    byArea.set(pref.area, { ...byArea.get(pref.area), [pref.key]: parsed.data });
  }
  for (const [area, items] of byArea) await storageArea(area).set(items);
}

/** Calls `onChange` with the new value whenever any Shelf context changes it. Returns an unsubscribe. */
export function watchPreference<T>(pref: Preference<T>, onChange: (value: T) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === pref.area && pref.key in changes) onChange(parsePreference(pref, changes[pref.key]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** The preferences a backup carries, by name, as stored (defaults included, so a restore is exact). */
export async function snapshotPreferences(): Promise<Record<string, unknown>> {
  const names = (Object.keys(PREFERENCES) as PreferenceName[]).filter((name) => PREFERENCES[name].backup === true);
  return getPreferences(names);
}

export interface RestoredPreferences {
  restored: string[];
  /** Preferences the backup had but that were not restored, with why. */
  skipped: { name: string; reason: string }[];
}

/** How a merge's report says a setting was left as this browser has it (`restorePreferences`). */
export const KEPT_IN_THIS_BROWSER = 'kept as chosen in this browser';

/**
 * Restores the preferences of a backup: each one the backup carries and this version knows,
 * checked against its schema. A value a backup must not set, or an invalid one, is skipped and
 * reported; a missing one is left as it is. `adjust` may change a value first (or refuse it with
 * a reason), e.g. a placement that needs a permission this browser has not given. A `merge` keeps
 * what this browser chose since (preferences carry no change times, and an older backup merged in
 * put back a theme chosen since and dropped sites hidden since): a list is joined with the file's,
 * any other setting this browser has set is kept, and one it never set takes the file's.
 */
export async function restorePreferences(
  snapshot: Record<string, unknown>,
  adjust: (name: PreferenceName, value: unknown) => { value: unknown } | { refused: string } = (_, value) => ({
    value,
  }),
  { merge = false }: { merge?: boolean } = {},
): Promise<RestoredPreferences> {
  const report: RestoredPreferences = { restored: [], skipped: [] };
  for (const [name, value] of Object.entries(snapshot)) {
    // Own names only: a file's "constructor" or "toString" would find Object.prototype's.
    const pref = Object.hasOwn(PREFERENCES, name)
      ? (PREFERENCES as Record<string, Preference<unknown>>)[name]
      : undefined;
    if (!pref) {
      report.skipped.push({ name, reason: 'not a setting this version of Shelf knows' });
      continue;
    }
    if (pref.backup !== true) {
      report.skipped.push({ name, reason: `not restored from backups: ${pref.backup.excluded}` });
      continue;
    }
    const parsed = pref.schema.safeParse(value);
    if (!parsed.success) {
      report.skipped.push({ name, reason: 'its value is not valid' });
      continue;
    }
    const adjusted = adjust(name as PreferenceName, parsed.data);
    if ('refused' in adjusted) {
      report.skipped.push({ name, reason: adjusted.refused });
      continue;
    }
    let restored = adjusted.value;
    // A stored value Shelf would not read (damaged) counts as never chosen.
    const stored = merge ? pref.schema.safeParse((await storageArea(pref.area).get(pref.key))[pref.key]) : null;
    if (stored?.success && stored.data !== undefined) {
      const current = stored.data;
      if (Array.isArray(current) && Array.isArray(restored)) {
        const joined = pref.schema.safeParse([...new Set([...current, ...restored])]);
        if (!joined.success) {
          report.skipped.push({ name, reason: `${KEPT_IN_THIS_BROWSER} (with the file’s, too long a list)` });
          continue;
        }
        restored = joined.data;
      } else {
        if (JSON.stringify(current) !== JSON.stringify(restored))
          report.skipped.push({ name, reason: `${KEPT_IN_THIS_BROWSER} (a merge keeps its settings)` });
        continue;
      }
    }
    await storageArea(pref.area).set({ [pref.key]: restored });
    report.restored.push(name);
  }
  return report;
}

/** Removes every preference but `keep` (and retired keys), so each reads as its default again. */
export async function clearPreferences(keep: readonly Preference<unknown>[] = []): Promise<void> {
  for (const area of ['local', 'session'] as const) {
    const keys = ALL.filter((pref) => pref.area === area && !keep.includes(pref)).map((pref) => pref.key);
    await storageArea(area).remove(area === 'local' ? [...keys, ...RETIRED_KEYS] : keys);
  }
}
