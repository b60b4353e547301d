import type { ItemStatus } from '@/lib/db/schema';
import {
  type ImportEntryInput,
  type ImportFormat,
  type PreparedImport,
  parseDate,
  statusFromName,
} from '@/lib/import/entry';
import { ImportFileError } from '@/lib/import/import-error';

/**
 * The status of a link from the headings it sits under: Pocket's `<h1>Unread</h1><ul>…` and
 * `<h1>Read Archive</h1>`, and the bookmark folders of Shelf's own export (`<H3>Done</H3><DL>…`).
 * Walks outwards and takes the nearest heading that names a status.
 */
function statusOfLink(link: Element): ItemStatus {
  for (let node: Element | null = link; node; node = node.parentElement) {
    for (let sibling = node.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
      if (/^H[1-6]$/.test(sibling.tagName)) {
        const status = statusFromName(sibling.textContent);
        if (status) return status;
        break; // this level's nearest heading names no status: look one level out
      }
    }
  }
  return 'unread';
}

/** The `<DD>` description Netscape bookmark files put after a bookmark's `<DT>`. */
function descriptionOf(link: Element): string {
  const next = link.parentElement?.nextElementSibling;
  return next?.tagName === 'DD' ? (next.textContent ?? '') : '';
}

/**
 * Pocket's HTML export (`ril_export.html`) and the Netscape bookmarks file every browser (and Shelf)
 * exports. Parsed with the page's inert DOMParser: scripts in the file never run.
 */
export function prepareLinksHtml(html: string, win: Window & typeof globalThis = window): PreparedImport {
  const doc = new win.DOMParser().parseFromString(html, 'text/html');
  const links = [...doc.querySelectorAll('a[href]')];
  if (links.length === 0) throw new ImportFileError('The HTML file has no links to import.');
  const isPocket = /pocket export/i.test(doc.title) || links.some((link) => link.hasAttribute('time_added'));
  const format: ImportFormat = isPocket ? 'pocket-html' : 'bookmarks';
  const records = links.map((link, i): ImportEntryInput => {
    const attr = (name: string) => link.getAttribute(name) ?? '';
    const title = link.textContent ?? '';
    return {
      where: `link ${i + 1}${title.trim() ? ` ("${title.trim().slice(0, 60)}")` : ''}`,
      url: attr('href'),
      title,
      tags: attr('tags')
        .split(',')
        .filter((tag) => tag.trim()),
      status: statusOfLink(link),
      addedAt: parseDate(attr('time_added') || attr('add_date')),
      updatedAt: parseDate(attr('last_modified')),
      note: descriptionOf(link),
      progress: null,
      content: null,
    };
  });
  return { format, records };
}
