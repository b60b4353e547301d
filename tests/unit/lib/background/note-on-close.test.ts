import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { requestHandlers } from '@/lib/background/request-handlers';
import { DATABASE_NAME, resetDatabaseConnection } from '@/lib/db/database';
import { addHighlight, getHighlights, setHighlightNote } from '@/lib/db/highlights';
import { saveArticle, setNote } from '@/lib/db/items';
import { getItem } from '@/lib/db/queries';
import { dispatchRequest } from '@/lib/messaging/protocol';

afterEach(async () => {
  resetDatabaseConnection();
  await Dexie.delete(DATABASE_NAME);
});

const sidePanel = () => ({ id: browser.runtime.id, url: browser.runtime.getURL('/sidepanel.html') }) as never;
const selectors = { quote: { exact: 'quoted words', prefix: '', suffix: '' } } as never;

// QA pass (two windows): a note typed in one side panel and closed within the pause in typing was
// handed to the background without the note it began from, and replaced what the other window had
// saved meanwhile: the other's words were lost, silently.
describe('a note handed to the background as its page closes, with another window’s edit saved meanwhile', () => {
  it('keeps both windows’ words in an item’s note', async () => {
    const { id } = await saveArticle({ id: 'wal', title: 'WAL', url: null });
    await setNote(id, 'Plan:');
    await setNote(id, 'Plan: from the reader', { base: 'Plan:' }); // the other window, saved
    const request = { type: 'save-note', target: 'item', id, note: 'Plan: from the panel', base: 'Plan:' };
    expect(await dispatchRequest(requestHandlers, request, sidePanel())).toEqual({ ok: true, value: { saved: true } });
    expect((await getItem(id))?.note).toBe('Plan: from the reader from the panel');
  });

  it('keeps both windows’ words in a highlight’s comment', async () => {
    const { id } = await saveArticle({ id: 'wal', title: 'WAL', url: null });
    const highlight = await addHighlight(id, selectors, { note: 'Why' });
    if (!highlight) throw new Error('no highlight');
    await setHighlightNote(highlight.id, 'Why: the reader', { base: 'Why' });
    const request = { type: 'save-note', target: 'highlight', id: highlight.id, note: 'Why? the panel', base: 'Why' };
    expect(await dispatchRequest(requestHandlers, request, sidePanel())).toEqual({ ok: true, value: { saved: true } });
    const [comment] = (await getHighlights(id)).map((record) => record.note);
    expect(comment).toContain('the reader');
    expect(comment).toContain('the panel');
  });

  // QA pass: "abc" being written as the page closed with "abcd" typed: the hand-over began from the
  // text before "abc" and, with "abc" landed, joined it as another window's edit: "abc abcd".
  it('begins from what the page’s own save under way wrote, when that landed', async () => {
    const { id } = await saveArticle({ id: 'wal', title: 'WAL', url: null });
    await setNote(id, 'abc', { base: '' }); // the page's save, landed as the page closed
    const request = { type: 'save-note', target: 'item', id, note: 'abcd', base: '', underWay: 'abc' };
    expect(await dispatchRequest(requestHandlers, request, sidePanel())).toEqual({ ok: true, value: { saved: true } });
    expect((await getItem(id))?.note).toBe('abcd');
  });

  it('begins from the text before it, when the page’s own save under way was cut off', async () => {
    const { id } = await saveArticle({ id: 'wal', title: 'WAL', url: null });
    await setNote(id, 'Plan: from the reader'); // another window's edit of 'Plan:'
    const request = { type: 'save-note', target: 'item', id, note: 'Plan: more', base: 'Plan:', underWay: 'Plan: m' };
    expect(await dispatchRequest(requestHandlers, request, sidePanel())).toEqual({ ok: true, value: { saved: true } });
    expect((await getItem(id))?.note).toBe('Plan: from the reader more');
  });
});
