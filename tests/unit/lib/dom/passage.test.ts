import { afterEach, describe, expect, it } from 'vitest';
import { focusIfNowhereAround } from '@/lib/dom/focus-rescue';
import { PASSAGE_MARK_ID, showPassage } from '@/lib/dom/passage';
import { focusPassageAtTop } from '@/lib/reader/keep-place';
import { mountParagraphs } from '@/tests/unit/helpers/mount-paragraphs';

const mount = mountParagraphs;

const marked = (root: Element) =>
  [...root.querySelectorAll(`[data-highlight-id="${PASSAGE_MARK_ID}"], .search-passage`)]
    .map((mark) => mark.textContent)
    .join('');

describe('showPassage (where a search opens the reader)', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });
  Element.prototype.scrollIntoView ??= () => {};

  it('marks the passage where the copy holds it', () => {
    const root = mount(['An intro paragraph.', 'The pelican ledger reconciled every invoice by noon.', 'An outro.']);
    expect(showPassage(root, 'pelican ledger reconciled every invoice')).toBe(true);
    expect(marked(root)).toBe('pelican ledger reconciled every invoice');
  });

  // The focus stayed on the result that opened the reader (gone with its view): a screen reader said nothing.
  it('takes the focus to the passage, which is no Tab stop', () => {
    const root = mount(['An intro paragraph.', 'The pelican ledger reconciled every invoice by noon.', 'An outro.']);
    expect(showPassage(root, 'pelican ledger reconciled every invoice')).toBe(true);
    expect(document.activeElement?.classList.contains('search-passage')).toBe(true);
    expect(document.activeElement?.textContent).toBe('pelican ledger reconciled every invoice');
    expect((document.activeElement as HTMLElement).tabIndex).toBe(-1); // not a Tab stop
  });

  // Found seconds later in a huge copy, the passage took the focus from the note the user was typing.
  it('leaves the focus where the user put it', () => {
    const root = mount(['An intro paragraph.', 'The pelican ledger reconciled every invoice by noon.', 'An outro.']);
    const note = document.createElement('textarea');
    document.body.append(note);
    note.focus();
    expect(showPassage(root, 'pelican ledger reconciled every invoice')).toBe(true);
    expect(document.activeElement).toBe(note);
  });

  // QA pass: the side panel, already reading the page, restored the place read to and focused the
  // paragraph there; a search then opened it at a passage further on, and the focus stayed behind.
  it('takes the focus from the paragraph the reader focused on restoring the place read to', () => {
    const root = mount(['An intro paragraph.', 'The pelican ledger reconciled every invoice by noon.', 'An outro.']);
    const title = document.createElement('h1');
    title.tabIndex = -1;
    document.body.prepend(title);
    title.focus();
    // Scrolled past the title, the last paragraph at the top of the view (jsdom has no layout).
    const restored = root.lastElementChild as HTMLElement;
    title.getBoundingClientRect = () => ({ bottom: -100 }) as DOMRect;
    root.getBoundingClientRect = () => ({ top: -800, bottom: 400, left: 0, width: 600 }) as DOMRect;
    document.elementFromPoint = () => restored;
    try {
      focusPassageAtTop(window, root, title);
    } finally {
      delete (document as Partial<Document>).elementFromPoint;
    }
    expect(document.activeElement).toBe(restored);

    expect(showPassage(root, 'pelican ledger reconciled every invoice')).toBe(true);
    expect(document.activeElement?.textContent).toBe('pelican ledger reconciled every invoice');
  });

  it('leaves the focus in a control the reader put it in, where the user may be typing', () => {
    const root = mount(['An intro paragraph.', 'The pelican ledger reconciled every invoice by noon.', 'An outro.']);
    const note = document.createElement('textarea');
    document.body.append(note);
    focusIfNowhereAround(note); // as the reader opened at the note a search matched
    expect(document.activeElement).toBe(note);
    expect(showPassage(root, 'pelican ledger reconciled every invoice')).toBe(true);
    expect(document.activeElement).toBe(note);
  });

  it('marks the first place when the copy repeats the passage word for word (a highlight would refuse to guess)', () => {
    const repeated = 'The pelican ledger reconciled every invoice by noon.';
    const root = mount(['An intro paragraph.', repeated, 'Something else entirely.', repeated]);
    expect(showPassage(root, 'pelican ledger reconciled every invoice')).toBe(true);
    expect(marked(root)).toBe('pelican ledger reconciled every invoice');
    expect(root.querySelectorAll('p')[1]?.querySelector('.search-passage')).not.toBeNull();
    expect(root.querySelectorAll('p')[3]?.querySelector('.search-passage')).toBeNull();
  });

  it('opens the closed <details> the passage sits in, so the reader sees what it was brought to', () => {
    const root = document.createElement('article');
    root.innerHTML =
      '<p>An intro paragraph.</p><details><summary>More</summary><details><summary>Deeper</summary>' +
      '<p>The pelican ledger reconciled every invoice by noon.</p></details></details><details><summary>Other</summary><p>x</p></details>';
    document.body.append(root);
    expect(showPassage(root, 'pelican ledger reconciled every invoice')).toBe(true);
    const [outer, inner, other] = root.querySelectorAll('details');
    expect(outer?.open).toBe(true);
    expect(inner?.open).toBe(true);
    expect(other?.open).toBe(false);
  });

  it('marks nothing for words the copy does not hold', () => {
    const root = mount(['An intro paragraph.']);
    expect(showPassage(root, 'pelican ledger')).toBe(false);
    expect(marked(root)).toBe('');
  });

  it('unmarks the passage shown before when the open reader is sent to another (the side panel left open)', () => {
    const paragraphs = [
      'An intro paragraph.',
      'The pelican ledger reconciled every invoice by noon.',
      'The heron audit closed.',
    ];
    const root = mount(paragraphs);
    expect(showPassage(root, 'pelican ledger reconciled')).toBe(true);
    expect(showPassage(root, 'heron audit closed')).toBe(true);
    expect(marked(root)).toBe('heron audit closed');
    expect(root.querySelectorAll('mark')).toHaveLength(1);
    // The text the first mark split is joined back: the copy reads as it did.
    expect(root.querySelectorAll('p')[1]?.childNodes).toHaveLength(1);
    expect(showPassage(root, 'words the copy lacks')).toBe(false);
    expect(root.querySelectorAll('mark')).toHaveLength(0);
    expect([...root.querySelectorAll('p')].map((p) => p.textContent)).toEqual(paragraphs);
  });
});
