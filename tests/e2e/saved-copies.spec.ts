import { pageItemId } from '@/lib/db/ids';
import { readShelfStore } from '@/scripts/shelf-idb';
import { expect, test } from './fixtures';
import { openPopup } from './pages/popup';
import { openSidePanel } from './pages/side-panel';

/**
 * Copies saved by an earlier version of Shelf, or restored from a backup, searched by the text the
 * reader reads: the background reads each again (in Chrome, in its offscreen document).
 */
const URL = 'https://news.example.org/kenya';
const TITLE = 'Obama lands in Kenya';
const paragraph = 'The visit was planned for months and covers trade, health and regional security talks. ';
const HTML = `<h1>${TITLE}</h1><p>${paragraph.repeat(4)}</p><p>Read the full transcript of his interview</p><p>Mr Obama spoke of the future</p><ul><li>alphaword</li><li>betaword</li></ul>`;
/** An earlier version's text of that copy: its textContent, adjacent blocks run together. */
const GLUED = `${TITLE}${paragraph.repeat(4).trim()}Read the full transcript of his interviewMr Obama spoke of the futurealphawordbetaword`;

function backupOfAnEarlierVersion() {
  const id = pageItemId(URL);
  const backup = {
    format: 'shelf-backup',
    version: 2,
    exportedAt: '2026-11-20T00:00:00.000Z',
    items: [
      {
        id,
        kind: 'page',
        articleId: null,
        url: URL,
        title: TITLE,
        status: 'unread',
        tags: [],
        note: '',
        addedAt: 1,
        updatedAt: 1,
        changedAt: { status: 1, title: 1, tags: 1, note: 1 },
      },
    ],
    progress: [],
    captures: [
      {
        itemId: id,
        url: URL,
        title: TITLE,
        byline: null,
        siteName: null,
        excerpt: null,
        lang: 'en',
        dir: null,
        wordCount: 60,
        readMinutes: 1,
        html: HTML,
        text: GLUED,
        notice: null,
        capturedAt: 1,
        updatedAt: 1,
      },
    ],
    preferences: {},
  };
  return {
    id,
    file: { name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) },
  };
}

test('a copy restored with the text an earlier version kept is found by a word after a block join', async ({
  context,
  extensionId,
  serviceWorker,
}) => {
  const { id, file } = backupOfAnEarlierVersion();
  const panel = await openSidePanel(context, extensionId);
  await panel.importFile(file);
  // Chrome's service worker has no DOM: the copy is read again in the offscreen document.
  const copyText = async () =>
    ((await serviceWorker.evaluate(readShelfStore, { store: 'captures', key: id })) as { text?: string } | undefined)
      ?.text;
  await expect.poll(copyText, { timeout: 60_000 }).toContain('interview Mr Obama');

  const popup = await openPopup(context, extensionId);
  await popup.search('betaword');
  await expect(popup.firstResult).toContainText(TITLE, { timeout: 30_000 });
  await expect(popup.firstResult).toContainText('alphaword betaword');
});
