import { afterEach, describe, expect, it } from 'vitest';
import { anchor, selectorsForQuote } from '@/lib/annotations/anchor';
import { highlightRange } from '@/lib/annotations/highlight-marks';
import { matchQuote } from '@/lib/annotations/match-quote';
import { describeRange, type SelectorSet } from '@/lib/annotations/selectors';
import { createTextModel } from '@/lib/annotations/text-model';
import { mountParagraphs } from '@/tests/unit/helpers/mount-paragraphs';

const PARAGRAPHS = [
  'Write-ahead logging keeps every change in a log before it touches the data files.',
  'A checkpoint copies the logged pages back into the database and trims the log.',
  'Readers never block writers because each reader sees a snapshot of the log.',
  'When the log grows too large, the next checkpoint takes longer to finish.',
];

const mount = (paragraphs: readonly string[] = PARAGRAPHS): HTMLElement => mountParagraphs(paragraphs);

/** Selectors for the first occurrence of `quote` inside the `index`th paragraph. */
function highlightIn(root: Element, index: number, quote: string): SelectorSet {
  const text = root.querySelectorAll('p')[index]?.firstChild as Text;
  const range = document.createRange();
  const at = text.data.indexOf(quote);
  range.setStart(text, at);
  range.setEnd(text, at + quote.length);
  const described = describeRange(root, range);
  if (!described.ok) throw new Error(described.error);
  return described.selectors;
}

function paragraphOf(range: Range): Element | null {
  return (range.startContainer.parentElement as Element).closest('p');
}

const setParagraph = (root: Element, index: number, text: string) => {
  (root.querySelectorAll('p')[index] as Element).textContent = text;
};

afterEach(() => {
  document.body.replaceChildren();
});

describe('anchoring a highlight again', () => {
  it('finds it at its position on the unchanged page', () => {
    const root = mount();
    const selectors = highlightIn(root, 2, 'each reader sees a snapshot');
    const result = anchor(root, selectors);
    expect(result).toMatchObject({ status: 'found', method: 'position', text: 'each reader sees a snapshot' });
    expect(result.status === 'found' && paragraphOf(result.range)).toBe(root.querySelectorAll('p')[2]);
  });

  it('finds it after a word changed in another paragraph and a paragraph was inserted before', () => {
    const root = mount();
    const selectors = highlightIn(root, 2, 'each reader sees a snapshot');
    setParagraph(root, 0, PARAGRAPHS[0]?.replace('touches', 'reaches') as string);
    const inserted = document.createElement('p');
    inserted.textContent = 'An editor’s note added after publication.';
    root.prepend(inserted);
    const result = anchor(root, selectors);
    expect(result).toMatchObject({ status: 'found', method: 'exact', text: 'each reader sees a snapshot' });
    expect(result.status === 'found' && result.range.toString()).toBe('each reader sees a snapshot');
  });

  it('finds it after a small edit inside the quote, and returns the edited text', () => {
    const root = mount();
    const selectors = highlightIn(root, 1, 'copies the logged pages back into the database');
    setParagraph(root, 1, PARAGRAPHS[1]?.replace('logged pages', 'logged page') as string);
    const result = anchor(root, selectors);
    expect(result).toMatchObject({
      status: 'found',
      method: 'approximate',
      text: 'copies the logged page back into the database',
    });
  });

  it('keeps the punctuation that ends an edited quote', () => {
    const root = mount(['Some introduction first.', 'Content available under a Creative Commons license.', 'Footer.']);
    const selectors = highlightIn(root, 1, 'Content available under a Creative Commons license.');
    setParagraph(root, 1, 'Content available under a Creative Commons licence.');
    expect(anchor(root, selectors)).toMatchObject({
      status: 'found',
      method: 'approximate',
      text: 'Content available under a Creative Commons licence.',
    });
    setParagraph(root, 1, 'Content available under a Creative Commons lantern.');
    expect(anchor(root, selectors)).toMatchObject({
      status: 'found',
      text: 'Content available under a Creative Commons lantern.',
    });
  });

  it('does not find a quote that was deleted', () => {
    const root = mount();
    const selectors = highlightIn(root, 2, PARAGRAPHS[2] as string);
    root.querySelectorAll('p')[2]?.remove();
    expect(anchor(root, selectors)).toEqual({ status: 'not-found', reason: 'absent' });
  });

  it('does not move to the same words in another context once the highlighted ones are gone', () => {
    const paragraphs = [...PARAGRAPHS, 'Unrelated: the log grows too large in this other story about firewood.'];
    const root = mount(paragraphs);
    const selectors = highlightIn(root, 3, 'the log grows too large');
    setParagraph(root, 3, 'A checkpoint that runs often keeps every pass short.');
    expect(anchor(root, selectors)).toEqual({ status: 'not-found', reason: 'context-mismatch' });
  });

  it('does not move to a copy that shares one side of its context once the highlighted one is deleted', () => {
    // Found on a real page: a comment form's help text, shown twice with the same words after it.
    const help = 'Comments our editors find useful are shown first. Replies to those posts appear here.';
    const root = mount(['Sign in here.', help, 'More comments have come in.', help]);
    const selectors = highlightIn(root, 3, 'Comments our editors find useful are shown first.');
    expect(anchor(root, selectors)).toMatchObject({ status: 'found', method: 'position' });
    setParagraph(root, 3, 'Replies to those posts appear here.');
    expect(anchor(root, selectors)).toEqual({ status: 'not-found', reason: 'absent' });
  });

  it('finds the highlighted copy edited in place, not an unchanged copy that shares one side of its context', () => {
    const help = 'Comments our editors find useful are shown first. Replies to those posts appear here.';
    const root = mount(['Sign in here.', help, 'More comments have come in.', help]);
    const selectors = highlightIn(root, 3, 'Comments our editors find useful are shown first.');
    setParagraph(root, 3, help.replace('useful', 'helpful'));
    const result = anchor(root, selectors);
    expect(result).toMatchObject({ status: 'found', text: 'Comments our editors find helpful are shown first.' });
    expect(result.status === 'found' && paragraphOf(result.range)).toBe(root.querySelectorAll('p')[3]);
  });

  it('tells equal quotes apart by their context, before and after edits elsewhere', () => {
    const root = mount(['Step one: install the package.', 'Step two: configure it.', 'Then: install the package.']);
    const selectors = highlightIn(root, 2, 'install the package');
    const inserted = document.createElement('p');
    inserted.textContent = 'Prerequisites first.';
    root.prepend(inserted);
    const result = anchor(root, selectors);
    expect(result.status === 'found' && paragraphOf(result.range)?.textContent).toBe('Then: install the package.');
  });

  it('tells apart the occurrences of a quote repeated side by side, after text was added before them', () => {
    const chorus = 'Then the chorus: Repeat. Repeat. Repeat. Step two follows after the chorus ends.';
    for (const occurrence of [0, 1, 2]) {
      const root = mount([chorus]);
      const text = root.querySelector('p')?.firstChild as Text;
      const at = chorus.indexOf('Repeat.') + 8 * occurrence;
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + 'Repeat.'.length);
      const described = describeRange(root, range);
      if (!described.ok) throw new Error(described.error);
      const inserted = document.createElement('p');
      inserted.textContent = 'A paragraph added at the top of the page.';
      root.prepend(inserted);
      const result = anchor(root, described.selectors);
      expect(result).toMatchObject({ status: 'found', method: 'exact' });
      expect(result.status === 'found' && createTextModel(root).spanOfRange(result.range).start).toBe(
        inserted.textContent.length + 1 + at,
      );
      document.body.replaceChildren();
    }
  });

  it('finds a paragraph of a template (alike but for its numbers) where it was, after text was added before it', () => {
    const listing = Array.from(
      { length: 8 },
      (_, n) => `Room ${n + 1} has a double bed, a desk by the window and a view of the harbour from floor ${n + 2}.`,
    );
    const root = mount(listing);
    const selectors = highlightIn(root, 4, 'Room 5 has a double bed, a desk by the window');
    const inserted = document.createElement('p');
    inserted.textContent = 'Prices include breakfast.';
    root.prepend(inserted);
    const result = anchor(root, selectors);
    expect(result).toMatchObject({ status: 'found', method: 'exact' });
    expect(result.status === 'found' && paragraphOf(result.range)?.textContent).toBe(listing[4]);
    // Edited there, it is never taken for another room's alike paragraph.
    setParagraph(root, 5, (listing[4] as string).replace('double bed', 'twin bed'));
    const edited = anchor(root, selectors);
    expect(edited.status === 'found' ? paragraphOf(edited.range) : null).toBeOneOf([
      null,
      root.querySelectorAll('p')[5],
    ]);
  });

  it('keeps a highlight in a paragraph shown twice where it was, and says "ambiguous" once the page moved', () => {
    const root = mount();
    const selectors = highlightIn(root, 2, 'because each reader sees');
    const paragraph = root.querySelectorAll('p')[2] as Element;
    paragraph.after(paragraph.cloneNode(true));
    const result = anchor(root, selectors);
    expect(result).toMatchObject({ status: 'found', method: 'position' });
    expect(result.status === 'found' && paragraphOf(result.range)).toBe(paragraph);
    const inserted = document.createElement('p');
    inserted.textContent = 'An editor’s note added after publication.';
    root.prepend(inserted);
    expect(anchor(root, selectors)).toEqual({ status: 'not-found', reason: 'ambiguous' });
  });

  it('says "ambiguous" for the last sentence of a paragraph shown twice, whose copy has both sides of its context', () => {
    const root = mount(['First paragraph here.', 'A short one. Then the last sentence of it.', 'And a third.']);
    const selectors = highlightIn(root, 1, 'Then the last sentence of it.');
    const paragraph = root.querySelectorAll('p')[1] as Element;
    paragraph.after(paragraph.cloneNode(true));
    expect(anchor(root, selectors)).toEqual({ status: 'not-found', reason: 'ambiguous' });
  });

  describe('a sentence that appears twice with the same words around it (boilerplate, lorem ipsum)', () => {
    const common =
      'Sed ut perspiciatis unde omnis iste natus error sit voluptatem. Duis aute irure dolor in reprehenderit in voluptate velit. Excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia.';
    const quote = 'Duis aute irure dolor in reprehenderit in voluptate velit.';
    const setup = () => {
      const root = mount([`Intro one. ${common}`, `Intro two. ${common}`]);
      return { root, selectors: highlightIn(root, 1, quote) };
    };

    it('is found where it was highlighted while the page is unchanged', () => {
      const { root, selectors } = setup();
      const result = anchor(root, selectors);
      expect(result).toMatchObject({ status: 'found', method: 'position' });
      expect(result.status === 'found' && paragraphOf(result.range)).toBe(root.querySelectorAll('p')[1]);
    });

    it('is not found in the other copy once deleted where it was highlighted', () => {
      const { root, selectors } = setup();
      setParagraph(root, 1, `Intro two. ${common.replace(`${quote} `, '')}`);
      expect(anchor(root, selectors)).toEqual({ status: 'not-found', reason: 'absent' });
    });

    it('is not found in the other copy once deleted from the end of the page', () => {
      const { root } = setup();
      const last = 'Excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia.';
      const selectors = highlightIn(root, 1, last);
      expect(selectors.quote.suffix).toBe('');
      setParagraph(root, 1, `Intro two. ${common.replace(` ${last}`, '')}`);
      expect(anchor(root, selectors)).toEqual({ status: 'not-found', reason: 'absent' });
    });

    it('is found at the end of the page after an edit before it, not mistaken for deleted', () => {
      const { root } = setup();
      const selectors = highlightIn(
        root,
        1,
        'Excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia.',
      );
      setParagraph(root, 0, `Intro one, longer now. ${common}`);
      const result = anchor(root, selectors);
      expect(result).toMatchObject({ status: 'found', method: 'exact' });
      expect(result.status === 'found' && paragraphOf(result.range)).toBe(root.querySelectorAll('p')[1]);
    });

    it('is not found in the other copy once edited where it was highlighted', () => {
      const { root, selectors } = setup();
      setParagraph(root, 1, `Intro two. ${common.replace('irure dolor', 'irure color')}`);
      expect(anchor(root, selectors)).toEqual({ status: 'not-found', reason: 'ambiguous' });
    });
  });

  it('says "ambiguous" for an edited quote that fits two places equally', () => {
    const text = 'alpha beta gamma delta epsilon zeta eta theta';
    const selectors: SelectorSet = { quote: { type: 'TextQuoteSelector', exact: text, prefix: 'x ', suffix: ' y' } };
    const edited = 'alpha beta gamma delta epsilon zeta eta thetas';
    expect(matchQuote(`x ${edited} y and x ${edited} y`, selectors)).toEqual({
      status: 'not-found',
      reason: 'ambiguous',
    });
    expect(matchQuote(`x ${edited} y and then some`, selectors)).toMatchObject({ status: 'found', start: 2 });
  });

  it('uses only exact matching for short quotes, whose few errors would be most of them', () => {
    const root = mount(['The cache was warm.', 'Nothing else here.']);
    const selectors = highlightIn(root, 0, 'cache');
    setParagraph(root, 0, 'The cash was warm.');
    expect(anchor(root, selectors)).toEqual({ status: 'not-found', reason: 'absent' });
  });

  it('does not find a whole word inside a longer one', () => {
    const root = mount(['The cache was warm.', 'Nothing else here.']);
    const selectors = highlightIn(root, 0, 'cache');
    setParagraph(root, 0, 'The cachet was warm.');
    expect(anchor(root, selectors)).toEqual({ status: 'not-found', reason: 'context-mismatch' });
    const partOfWord = highlightIn(root, 0, 'ache');
    expect(anchor(root, partOfWord)).toMatchObject({ status: 'found', text: 'ache' });
  });

  it('does not find a whole word inside a longer one whose next letter is a combining mark (Devanagari, decomposed Latin)', () => {
    const root = mount(['हम यहाँ कम पानी पीते हैं।', 'We sat in the cafe all day.']);
    const hindi = highlightIn(root, 0, 'कम');
    const latin = highlightIn(root, 1, 'cafe');
    // "कम" (less) became "कमी" (shortage): its vowel sign is a letter of the word, not the end of "कम".
    setParagraph(root, 0, 'हम यहाँ कमी पानी पीते हैं।');
    setParagraph(root, 1, 'We sat in the cafe\u0301s all day.');
    expect(anchor(root, hindi)).toEqual({ status: 'not-found', reason: 'context-mismatch' });
    expect(anchor(root, latin)).toEqual({ status: 'not-found', reason: 'context-mismatch' });
  });

  it('anchors one highlight after another has been drawn on the page', () => {
    const root = mount();
    const first = highlightIn(root, 1, 'the logged pages back');
    const second = highlightIn(root, 1, 'copies the logged');
    const firstResult = anchor(root, first);
    if (firstResult.status !== 'found') throw new Error('first highlight not found');
    highlightRange(firstResult.range, { id: 'h1', className: 'shelf-highlight', ownerDocument: document });
    expect(createTextModel(root).text).toBe(PARAGRAPHS.join(' '));
    const secondResult = anchor(root, second);
    expect(secondResult).toMatchObject({ status: 'found', method: 'position', text: 'copies the logged' });
  });

  it('finds a short quote again after the page added or dropped soft hyphens in it (a hyphenation script, a recapture)', () => {
    const plain = mount(['We ate extraordinary food there.']);
    const highlighted = highlightIn(plain, 0, 'extraordinary');
    document.body.replaceChildren();
    const hyphenated = mount(['We ate extra\u00ADordi\u00ADnary food there.']);
    const found = anchor(hyphenated, highlighted);
    expect(found).toMatchObject({ status: 'found', method: 'position' });
    expect(found.status === 'found' && found.range.toString()).toBe('extra\u00ADordi\u00ADnary');
    // A highlight stored with soft hyphens in its quote and context (before they were left out) is found without them.
    const stored: SelectorSet = {
      quote: {
        type: 'TextQuoteSelector',
        exact: 'extra\u00ADordi\u00ADnary',
        prefix: 'We ate ',
        suffix: ' food there.',
      },
      position: { type: 'TextPositionSelector', start: 7, end: 22 },
    };
    document.body.replaceChildren();
    expect(anchor(mount(['We ate extraordinary food there.']), stored)).toMatchObject({
      status: 'found',
      text: 'extraordinary',
    });
  });

  it('finds a quote again after the page changed how its accents are written (composed é, or e and a combining accent)', () => {
    const paragraphs = ['Déjà vu: we sat in the café all day.', '오늘 한국어 문장을 읽었다.'];
    for (const [before, after] of [
      ['NFC', 'NFD'],
      ['NFD', 'NFC'],
    ] as const) {
      const root = mount(paragraphs.map((text) => text.normalize(before)));
      const cafe = highlightIn(root, 0, 'café'.normalize(before));
      const korean = highlightIn(root, 1, '한국어'.normalize(before));
      for (const [index, paragraph] of paragraphs.entries()) setParagraph(root, index, paragraph.normalize(after));
      expect(anchor(root, cafe)).toMatchObject({ status: 'found', text: 'café'.normalize(after) });
      expect(anchor(root, korean)).toMatchObject({ status: 'found', text: '한국어'.normalize(after) });
      document.body.replaceChildren();
    }
  });

  it('finds a quote again after the page added or dropped direction marks in it (an editor steering mixed Hebrew and numbers)', () => {
    const root = mount(['המחיר הוא 20 שקלים לחודש.', 'Nothing else here.']);
    const price = highlightIn(root, 0, '20 שקלים');
    setParagraph(root, 0, 'המחיר הוא \u200F20\u200E שקלים לחודש.');
    const found = anchor(root, price);
    expect(found).toMatchObject({ status: 'found', method: 'position' });
    expect(found.status === 'found' && found.range.toString()).toBe('20\u200E שקלים');
    // And back: a quote stored with the marks, in a page without them.
    const marked = highlightIn(root, 0, '\u200F20\u200E שקלים');
    setParagraph(root, 0, 'המחיר הוא 20 שקלים לחודש.');
    expect(anchor(root, marked)).toMatchObject({ status: 'found', text: '20 שקלים' });
  });

  it('finds imported quotes that have no position or context', () => {
    const root = mount();
    const selectors: SelectorSet = { quote: { type: 'TextQuoteSelector', exact: 'sees a\n  snapshot' } };
    expect(anchor(root, selectors)).toMatchObject({ status: 'found', method: 'exact', text: 'sees a snapshot' });
  });
});

describe('selectors for a quote that came without them (imports)', () => {
  it('finds the quote, reads its context from the text, and gives its position', () => {
    const root = mount();
    const selectors = selectorsForQuote(root, { exact: 'each  reader\nsees a snapshot' });
    expect(selectors?.quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'each reader sees a snapshot',
      prefix: 'ers never block writers because ',
      suffix: ' of the log. When the log grows ',
    });
    expect(anchor(root, selectors!)).toMatchObject({ status: 'found', method: 'position' });
  });

  it('gives none for a quote that is not there, or there twice with nothing to tell which', () => {
    const root = mount();
    expect(selectorsForQuote(root, { exact: 'a sentence nobody wrote' })).toBeNull();
    expect(selectorsForQuote(root, { exact: 'the log' })).toBeNull();
    expect(selectorsForQuote(root, { exact: 'the log', suffix: '. When the log grows' })?.position).toBeDefined();
  });
});
