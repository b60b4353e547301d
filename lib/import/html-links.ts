import type { ItemStatus } from '@/lib/db/schema';
import { parseInertHtml } from '@/lib/dom/markup-depth';
import {
  type ImportEntryInput,
  type ImportFormat,
  type PreparedImport,
  parseDate,
  statusFromName,
} from '@/lib/import/entry';
import { ImportFileError } from '@/lib/import/import-error';

/** Each child of an element → the status its nearest earlier heading sibling names (null: one naming none). */
function headingStatusesOf(parent: Element): Map<Element, ItemStatus | null> {
  const statuses = new Map<Element, ItemStatus | null>();
  let current: ItemStatus | null | undefined; // undefined until the first heading
  // By sibling links: indexing `children` is itself quadratic in jsdom, where the unit tests run.
  for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
    if (current !== undefined) statuses.set(child, current);
    if (/^H[1-6]$/.test(child.tagName)) current = statusFromName(child.textContent);
  }
  return statuses;
}

/**
 * The status of a link in Pocket's HTML export from the heading it sits under: `<h1>Unread</h1><ul>…`
 * and `<h1>Read Archive</h1>`. Walks outwards and takes the nearest heading that names a status; null
 * when none does. Each element's children are read once for all its links: walking back over the
 * earlier items for every link took 18 s for 30,000 of them.
 */
function pocketStatusReader(): (link: Element) => ItemStatus | null {
  const byParent = new Map<Element, Map<Element, ItemStatus | null>>();
  return (link) => {
    for (let node: Element = link, parent = node.parentElement; parent; node = parent, parent = node.parentElement) {
      let statuses = byParent.get(parent);
      if (!statuses) {
        statuses = headingStatusesOf(parent);
        byParent.set(parent, statuses);
      }
      const status = statuses.get(node);
      if (status) return status; // else no heading at this level, or one naming no status: look one level out
    }
    return null;
  };
}

/** Folders every browser has, which say nothing about the bookmarks in them. */
const BROWSER_FOLDERS = new Set([
  'bookmarks bar',
  'bookmarks toolbar',
  'bookmarks menu',
  'other bookmarks',
  'mobile bookmarks',
  'favorites bar',
]);
/**
 * Safari's bar, at the top of its file (QA pass: "favourites" became a tag on every bookmark there), and
 * the folder of links Firefox comes with (QA pass: "mozilla firefox" became a tag); a folder of the user's
 * own by that name inside another stays a tag.
 */
const TOP_LEVEL_BROWSER_FOLDERS = new Set(['favorites', 'favourites', 'mozilla firefox']);

function isBrowserFolder(heading: Element): boolean {
  const name = (heading.textContent ?? '').trim().toLowerCase();
  return (
    heading.tagName === 'H1' ||
    heading.hasAttribute('personal_toolbar_folder') ||
    heading.hasAttribute('unfiled_bookmarks_folder') ||
    heading.id === 'com.apple.ReadingList' || // Safari's Reading List, in any language
    BROWSER_FOLDERS.has(name) ||
    (TOP_LEVEL_BROWSER_FOLDERS.has(name) && !heading.parentElement?.closest('dl')?.parentElement?.closest('dl'))
  );
}

/**
 * A bookmark's status and tags from the folders it sits in (each folder is an `<H3>` followed by
 * the `<DL>` of its contents). Only Shelf's own export says a status: a folder named after one,
 * directly inside a folder named "Shelf". Any other folder the user made — "Reading" and
 * "Archive" included — becomes a tag, outermost first.
 */
function bookmarkFolders(link: Element): { status: ItemStatus | null; folderTags: string[] } {
  const folders: string[] = []; // innermost first
  for (let node = link.parentElement; node; node = node.parentElement) {
    const heading = node.tagName === 'DL' ? node.previousElementSibling : null;
    if (!heading || !/^H[1-6]$/.test(heading.tagName) || isBrowserFolder(heading)) continue;
    const name = (heading.textContent ?? '').trim();
    const status = statusFromName(name);
    if (status && folders.length === 0 && /^shelf$/i.test(outerFolderName(node) ?? '')) {
      return { status, folderTags: [] };
    }
    if (name) folders.push(name);
  }
  // Outside Shelf's folders a bookmark states no status, so it never changes one chosen in Shelf.
  return { status: null, folderTags: folders.reverse() };
}

/** The name of the folder around the folder whose contents are `list`. */
function outerFolderName(list: Element): string | undefined {
  for (let node = list.parentElement; node; node = node.parentElement) {
    if (node.tagName === 'DL') return node.previousElementSibling?.textContent?.trim();
  }
  return undefined;
}

/**
 * The `<DD>` description Netscape bookmark files put after a bookmark's `<DT>`; after the link itself
 * where its `<DT>` was nested past the depth kept (`capMarkupDepth` keeps the link and the description).
 */
function descriptionOf(link: Element): string {
  const own = link.nextElementSibling;
  if (own?.tagName === 'DD') return own.textContent ?? ''; // past the depth kept: links and descriptions in a row
  const item = link.parentElement;
  const next = item?.firstElementChild === link ? item.nextElementSibling : null;
  return next?.tagName === 'DD' ? (next.textContent ?? '') : '';
}

/**
 * Pocket's HTML export (`ril_export.html`) and the Netscape bookmarks file every browser (and Shelf)
 * exports. Parsed with the page's inert DOMParser: scripts in the file never run.
 */
export function prepareLinksHtml(html: string, win: Window & typeof globalThis = window): PreparedImport {
  const doc = parseInertHtml(html, win);
  const links = [...doc.querySelectorAll('a[href]')];
  if (links.length === 0) throw new ImportFileError('The HTML file has no links to import.');
  const isPocket = /pocket export/i.test(doc.title) || links.some((link) => link.hasAttribute('time_added'));
  const format: ImportFormat = isPocket ? 'pocket-html' : 'bookmarks';
  const pocketStatusOf = pocketStatusReader();
  const records = links.map((link, i): ImportEntryInput => {
    const attr = (name: string) => link.getAttribute(name) ?? '';
    const title = link.textContent ?? '';
    const { status, folderTags } = isPocket ? { status: pocketStatusOf(link), folderTags: [] } : bookmarkFolders(link);
    return {
      where: `link ${i + 1}${title.trim() ? ` ("${title.trim().slice(0, 60)}")` : ''}`,
      url: attr('href'),
      title,
      tags: [
        ...attr('tags')
          .split(',')
          .filter((tag) => tag.trim()),
        ...folderTags,
      ],
      status,
      addedAt: parseDate(attr('time_added') || attr('add_date')),
      updatedAt: parseDate(attr('last_modified')),
      note: descriptionOf(link),
      progress: null,
      content: null,
    };
  });
  const cutShort = cutShortLists(html, isPocket ? 'ul' : 'dl', records);
  return { format, records, ...(cutShort && { cutShort }) };
}

/**
 * Why the file looks cut short, if it does: browsers and Pocket close every list they open (`<DL>` of
 * a bookmarks folder, Pocket's `<ul>`), so a file with lists left open ends before its writer did (a
 * download or a copy interrupted). Its links up to there are imported; this says so.
 */
function cutShortLists(html: string, list: 'dl' | 'ul', records: readonly ImportEntryInput[]): string | undefined {
  const opened = html.match(new RegExp(`<${list}[\\s>]`, 'gi'))?.length ?? 0;
  const closed = html.match(new RegExp(`</${list}\\s*>`, 'gi'))?.length ?? 0;
  if (closed >= opened) return undefined;
  const last = records.at(-1)?.title.trim().slice(0, 60);
  return `The file seems cut short: it ends in the middle of a list, after ${records.length} links${
    last ? ` (the last: "${last}")` : ''
  }. Export the file again to import the rest.`;
}
