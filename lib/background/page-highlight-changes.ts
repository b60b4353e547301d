import { browser } from 'wxt/browser';
import type { PageCommand } from '@/lib/messaging/protocol';

/**
 * Tells Shelf's script in every tab that highlights changed (removed or recoloured in the side
 * panel): each asks for its own page's highlights and draws them anew (lib/content/page-highlights.ts).
 * A removed highlight stayed drawn on the open page until a reload (QA pass). The command says
 * nothing of which item changed; a tab without Shelf's script refuses it, which is nothing to report.
 */
export async function tellPagesHighlightsChanged(): Promise<void> {
  const command: PageCommand = { target: 'page', type: 'highlights-changed' };
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map((tab) => (tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, command).catch(() => {}))),
  );
}
