import { fireEvent, render, screen } from '@testing-library/react';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SidePanelApp } from '@/components/side-panel/side-panel-app';
import { resetDatabaseConnection } from '@/lib/db/database';
import { keepFocusInside } from '@/lib/dom/focus-rescue';
import { setSidePanelView } from '@/lib/side-panel/view';

const jsdomHasNone = Element.prototype.scrollIntoView;
const scrolled: Element[] = [];
beforeEach(async () => {
  resetDatabaseConnection();
  await Dexie.delete('shelf');
  scrolled.length = 0;
  // Settings lists the keyboard shortcuts, which the fake browser does not implement (its type is the callback form's).
  vi.spyOn(fakeBrowser.commands, 'getAll').mockImplementation((() => Promise.resolve([])) as never);
  Element.prototype.scrollIntoView = vi.fn(function (this: Element) {
    scrolled.push(this);
  });
});
afterEach(() => {
  resetDatabaseConnection();
  Element.prototype.scrollIntoView = jsdomHasNone;
});

// QA pass: "Import in Settings" (the empty reading list) left the focus on the page, above Settings' first section.
describe('"Import in Settings"', () => {
  it('takes the focus to the file picker of "Import from another app", scrolled into view', async () => {
    await setSidePanelView({ kind: 'reading-list' });
    const { container } = render(<SidePanelApp />);
    // As the side panel's page does: a control that goes away leaves the focus nearby, not on the body.
    const rescue = new AbortController();
    keepFocusInside(container, rescue.signal);
    const button = await screen.findByRole('button', { name: 'Import in Settings' });
    button.focus();
    fireEvent.click(button);
    const picker = await screen.findByLabelText('Import a file (choose one, or drop it here)');
    await vi.waitFor(() => expect(document.activeElement).toBe(picker));
    const group = screen.getByRole('group', { name: 'Import from another app' });
    expect(scrolled).toEqual([group]);
    // A focus rescue arriving after it leaves it there.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(document.activeElement).toBe(picker);
    rescue.abort();
  });

  it('Settings opened otherwise leaves the focus where it is', async () => {
    await setSidePanelView({ kind: 'settings' });
    render(<SidePanelApp />);
    await screen.findByLabelText('Import a file (choose one, or drop it here)');
    expect(document.activeElement).toBe(document.body);
    expect(scrolled).toEqual([]);
  });
});
