import { browser } from 'wxt/browser';
import type { PageCommand } from '@/lib/messaging/protocol';

/**
 * How long a notice waits for others: each open Shelf page reports the same write (they hear each
 * other's through the database), and one notice to every tab is enough (review: three pages open made
 * three rounds of messages, each tab asking for its highlights three times).
 */
const GATHER_MS = 250;
let pending: Promise<void> | null = null;

/**
 * Tells Shelf's script in every tab that highlights changed (removed or recoloured in the side
 * panel): each asks for its own page's highlights and draws them anew (lib/content/page-highlights.ts).
 * A removed highlight stayed drawn on the open page until a reload (QA pass). The command says
 * nothing of which item changed; a tab without Shelf's script refuses it, which is nothing to report.
 * Notices within GATHER_MS of each other are sent once.
 */
export function tellPagesHighlightsChanged(): Promise<void> {
  pending ??= new Promise((resolve) => setTimeout(resolve, GATHER_MS)).then(async () => {
    pending = null;
    const command: PageCommand = { target: 'page', type: 'highlights-changed' };
    const tabs = await browser.tabs.query({});
    const tell = async (tabId: number) => browser.tabs.sendMessage(tabId, command);
    await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : tell(tab.id).catch(() => {}))));
  });
  return pending;
}
