import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { capturePage } from '@/lib/capture/capture-page';
import type { CapturedPage } from '@/lib/capture/schema';
import { pageItemId } from '@/lib/db/ids';
import type { LibraryDocument } from '@/lib/search/library-index';

/** At most this many pages are read from a folder (a library of 10,000 pages is the bench's largest). */
export const MAX_FOLDER_PAGES = 20_000;

/** The HTML files under a folder, sorted, as relative paths. */
export function htmlFilesUnder(dir: string): string[] {
  const found: string[] = [];
  const walk = (at: string) => {
    for (const name of readdirSync(at).sort()) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.x?html?$/i.test(name)) found.push(relative(dir, path));
      if (found.length > MAX_FOLDER_PAGES) throw new Error(`${dir} holds more than ${MAX_FOLDER_PAGES} HTML files`);
    }
  };
  walk(dir);
  return found;
}

/** The address a file of the folder is saved under: as if served from a local site. */
export function folderPageUrl(path: string): string {
  return `http://library.localhost/${path.split(/[\\/]/).map(encodeURIComponent).join('/')}`;
}

/** A page captured as Shelf captures it when saving (Readability, sanitizing) on a jsdom DOM. */
export function captureHtml(html: string, url: string): CapturedPage {
  const dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
  try {
    return capturePage(dom.window.document, url, dom.window as unknown as Window & typeof globalThis);
  } finally {
    dom.window.close();
  }
}

/** A captured page as the library index reads a saved item with no tags, notes or highlights yet. */
export function savedPageDocument(capture: CapturedPage, url: string): LibraryDocument {
  return {
    id: pageItemId(url),
    articleId: null,
    title: capture.title,
    url,
    siteName: capture.siteName,
    byline: capture.byline,
    tags: [],
    note: '',
    highlights: [],
    text: capture.text,
    fingerprint: '0',
  };
}

/** Each HTML file of the folder, captured and turned into a library document. */
export function* libraryFolderDocuments(dir: string): Generator<LibraryDocument> {
  for (const path of htmlFilesUnder(dir)) {
    const url = folderPageUrl(path);
    yield savedPageDocument(captureHtml(readFileSync(join(dir, path), 'utf8'), url), url);
  }
}
