import { browser } from 'wxt/browser';
import { everySiteScriptRuns } from '@/lib/background/related-anywhere';
import type { PageCommand } from '@/lib/messaging/protocol';
import { changePreference, PREFERENCES, type PreferenceValue } from '@/lib/settings/preferences';

/**
 * How long a notice waits for others: each open Shelf page reports the same write (they hear each
 * other's through the database), and one notice to every tab is enough (review: three pages open made
 * three rounds of messages, each tab asking for its highlights three times).
 */
const GATHER_MS = 250;
let pending: Promise<void> | null = null;

/** The most tabs remembered; the oldest is forgotten first (it misses a redraw until it reloads). */
const MAX_TABS = 500;

/**
 * A tab's Shelf script asked for its page's highlights to draw them (the blog's article page, or any
 * site's through the every-site script): it is told when they change. Kept in `storage.session`, as
 * the service worker stops and starts while pages stay open; the browser gives tab ids without the
 * `tabs` permission, and not the tabs' addresses, so the tabs that draw are the ones that asked.
 * Written only when the tab is new to the record.
 */
export function noteTabDrawsHighlights(tabId: number, { everySite }: { everySite: boolean }): Promise<void> {
  // One change at a time (`changePreference`): two pages opening at once would each write a list without the other.
  return changePreference(PREFERENCES.tabsDrawingHighlights, (tabs) => {
    if (tabs.some((tab) => tab.tabId === tabId && tab.everySite === everySite)) return tabs;
    const others = tabs.filter((tab) => tab.tabId !== tabId);
    return [...others, { tabId, everySite }].slice(-MAX_TABS);
  });
}

/**
 * The tabs to tell, among those open: every-site ones only while that script runs (a tab that still
 * has it after it was turned off would ask in vain). Tabs closed since are dropped from the record.
 */
async function tabsToTell(): Promise<number[]> {
  let stillOpen: PreferenceValue<'tabsDrawingHighlights'> = [];
  await changePreference(PREFERENCES.tabsDrawingHighlights, async (recorded) => {
    if (recorded.length === 0) return recorded;
    const open = new Set((await browser.tabs.query({})).map((tab) => tab.id));
    stillOpen = recorded.filter((tab) => open.has(tab.tabId));
    return stillOpen;
  });
  const everySite = stillOpen.some((tab) => tab.everySite) && (await everySiteScriptRuns());
  return stillOpen.filter((tab) => everySite || !tab.everySite).map((tab) => tab.tabId);
}

/**
 * Tells Shelf's script in each tab that draws highlights that they changed (added, removed or
 * recoloured in the side panel, or by sync): each asks for its own page's highlights and draws them
 * anew (lib/content/page-highlights.ts). A removed highlight stayed drawn on the open page until a
 * reload (QA pass). The command says nothing of which item changed; a tab that has moved on to a page
 * without Shelf's script refuses it, which is nothing to report. Notices within GATHER_MS of each
 * other are sent once.
 */
export function tellPagesHighlightsChanged(): Promise<void> {
  pending ??= new Promise((resolve) => setTimeout(resolve, GATHER_MS)).then(async () => {
    pending = null;
    const command: PageCommand = { target: 'page', type: 'highlights-changed' };
    const tell = async (tabId: number) => browser.tabs.sendMessage(tabId, command);
    await Promise.all((await tabsToTell()).map((tabId) => tell(tabId).catch(() => {})));
  });
  return pending;
}
