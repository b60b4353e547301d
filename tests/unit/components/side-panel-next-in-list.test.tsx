import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, it } from 'vitest';
import { SidePanelApp } from '@/components/side-panel/side-panel-app';
import { resetDatabaseConnection } from '@/lib/db/database';
import { savePage } from '@/lib/db/items';
import { setProgress } from '@/lib/db/progress';
import { setSidePanelView } from '@/lib/side-panel/view';
import { emptyDatabaseWithListBox } from '@/tests/unit/helpers/list-box';

beforeEach(async () => {
  await emptyDatabaseWithListBox();
});
afterEach(() => resetDatabaseConnection());

/** Three pages: newest first Alpha, Gamma, Beta; furthest read first Beta, Gamma, Alpha. */
async function saveThree(): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const [name, addedAt, fraction] of [
    ['Alpha', 3_000, 0.1],
    ['Gamma', 2_000, 0.5],
    ['Beta', 1_000, 0.9],
  ] as const) {
    const { id } = await savePage({ url: `https://example.org/${name}`, title: `${name} page` }, null, {
      now: addedAt,
    });
    await setProgress(id, { fraction, anchor: { scrollFraction: fraction, scrollY: 0 } }, { now: addedAt + 1 });
    ids[name] = id;
  }
  return ids;
}

const title = (name: string) => screen.findByRole('heading', { level: 1, name: `${name} page` }, { timeout: 10_000 });

// "Next in reading list" followed the queue's default order (newest first) even in a reader opened
// from a reading list the user had sorted otherwise.
describe('Next in reading list, in the side panel', () => {
  it('follows the reading list the reader was opened from, as the user sorted it', async () => {
    await saveThree();
    await setSidePanelView({ kind: 'reading-list' });
    render(<SidePanelApp />);
    fireEvent.change(await screen.findByRole('combobox', { name: /Sort/ }), { target: { value: 'progress' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Gamma page' }));
    await title('Gamma');
    fireEvent.click(screen.getByRole('button', { name: /Next in reading list/ }));
    // By progress: after Gamma comes Alpha (newest first it would be Beta).
    await title('Alpha');
    // And on from there, still by that list: back to its first, Beta.
    fireEvent.click(screen.getByRole('button', { name: /Next in reading list/ }));
    await title('Beta');
  }, 30_000);

  it('opened from elsewhere, follows the queue, newest first', async () => {
    const ids = await saveThree();
    await setSidePanelView({ kind: 'reader', itemId: ids.Gamma as string });
    render(<SidePanelApp />);
    await title('Gamma');
    fireEvent.click(screen.getByRole('button', { name: /Next in reading list/ }));
    await title('Beta');
  }, 30_000);
});
