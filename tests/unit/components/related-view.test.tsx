import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RelatedView } from '@/components/side-panel/related-view';
import { createEffectiveCatalog } from '@/lib/catalog-updates/effective-catalog';
import { ARTICLES } from '@/lib/corpus/catalog';
import { resetDatabaseConnection } from '@/lib/db/database';
import { savePage } from '@/lib/db/items';
import type { SidePanelView } from '@/lib/side-panel/view';
import { capturedPage } from '@/tests/unit/helpers/captured-page';

// The snippets of saved pages (read through library-live) can be held back, as on a slow machine.
const snippets = vi.hoisted(() => ({ held: false }));
vi.mock('@/lib/search/library-live', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/search/library-live')>();
  return {
    ...original,
    getCapturedTexts: (ids: readonly string[]) =>
      snippets.held ? new Promise<never>(() => {}) : original.getCapturedTexts(ids),
  };
});

const catalog = createEffectiveCatalog(ARTICLES, []);
/** A key as a page may print one: a word longer than a reader view can carry among its terms. */
const KEY = 'f3a9'.repeat(26);
const FILLER = 'Nothing here is about it. '.repeat(20);
const TEXT = `Pools hand out a lease with a timeout. ${FILLER} Pool lease timeout: rotate ${KEY} at once. ${FILLER}`;

const related = (query: string, itemId?: string): Extract<SidePanelView, { kind: 'related' }> => ({
  kind: 'related',
  source: 'selection',
  query,
  label: query,
  ...(itemId ? { itemId } : {}),
});

beforeEach(async () => {
  resetDatabaseConnection();
  await Dexie.delete('shelf');
  snippets.held = false;
});
afterEach(() => resetDatabaseConnection());

async function save(url: string, title: string, text: string) {
  return (await savePage({ url, title }, capturedPage(url, title, text))).id;
}

const savedList = async () => screen.findByRole('list', { name: 'From your saved pages' }, { timeout: 20_000 });

describe('Find related’s saved pages', () => {
  it('open at the passage the snippet shows, even when clicked before the snippet was read', async () => {
    const itemId = await save('https://keys.test/rotation', 'Key rotation', TEXT);
    snippets.held = true;
    const onShow = vi.fn();
    render(
      <RelatedView view={related(`${KEY} pool lease timeout`)} catalog={catalog} onSelect={vi.fn()} onShow={onShow} />,
    );
    await userEvent.click(within(await savedList()).getByRole('button', { name: /Key rotation/ }));
    await vi.waitFor(() => expect(onShow).toHaveBeenCalled());
    const [view] = onShow.mock.calls[0] as [SidePanelView];
    // The passage with every matched word, the key too: where the snippet would have been.
    expect(view).toMatchObject({ kind: 'reader', itemId });
    expect(view.kind === 'reader' && view.passage).toContain(`Pool lease timeout: rotate ${KEY} at once.`);
  }, 60_000); // IndexedDB in memory and React: slow on a busy machine

  it('leave out the saved page being read when the text is from Shelf’s reader', async () => {
    const read = await save('https://keys.test/rotation', 'Key rotation', TEXT);
    await save('https://keys.test/rotation-again', 'Key rotation, again', TEXT);
    render(
      <RelatedView view={related('pool lease timeout', read)} catalog={catalog} onSelect={vi.fn()} onShow={vi.fn()} />,
    );
    const rows = within(await savedList()).getAllByRole('button');
    expect(rows.map((row) => row.textContent)).toEqual([expect.stringContaining('Key rotation, again')]);
  }, 60_000);
});
