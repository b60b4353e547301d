import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { beforeEach, describe, expect, it } from 'vitest';
import { type AnchorResult, anchor } from '@/lib/annotations/anchor';
import { describeRange, type SelectorSet } from '@/lib/annotations/selectors';
import { createTextModel, type TextModel } from '@/lib/annotations/text-model';
import { MISSING_SHARED_REASON, REAL_PAGES_DIR, realPageNames } from '@/scripts/eval/shared-data';

/**
 * Acceptance 4 of issue #16: highlights on real pages, re-anchored after generated edits. Each case
 * highlights a sentence of a paragraph P on a real page, edits the page, anchors the highlight and
 * checks the answer against P itself (raw character offsets, counted here independently of the
 * library), then undoes the edit. A wrong anchor is any range that is not the highlighted place.
 */

/**
 * The pages measured (README's figures), edits per page and the seed, each overridable for a deeper run
 * (SHELF_ANCHOR_PAGES=a,b SHELF_ANCHOR_CASES=500). Names of Shelf's own: a machine's PAGES or SEED
 * variable meant for something else once emptied the list, and the test skipped.
 */
const PAGES = (process.env.SHELF_ANCHOR_PAGES ?? 'v8-blog,medium-1,lwn-1,wapo-1,google-sre-book-1,dropbox-blog').split(
  ',',
);
const CASES_PER_PAGE = Number(process.env.SHELF_ANCHOR_CASES ?? 60);
const SEED = Number(process.env.SHELF_ANCHOR_SEED ?? 16);
/** Pages with fewer paragraphs worth highlighting say little about anchoring. */
const MIN_HIGHLIGHTABLE = 5;
/** Generous: the test takes a few seconds alone, more on a machine shared by several engineers. */
const TIME_BUDGET_MS = 180_000;

const EDIT_KINDS = [
  'change-word-elsewhere',
  'insert-paragraph-before',
  'delete-paragraph-before',
  'duplicate-paragraph',
  'change-word-in-quote',
  'delete-quote-sentence',
] as const;
type EditKind = (typeof EDIT_KINDS)[number];
/** Edits that leave the quote and its paragraph as they were, so the highlight must come back exactly. */
const QUOTE_UNCHANGED: readonly EditKind[] = [
  'change-word-elsewhere',
  'insert-paragraph-before',
  'delete-paragraph-before',
];

const LEXICON = ['orange', 'silent', 'marble', 'vector', 'quartz', 'harbor', 'lantern', 'meadow', 'copper', 'ripple'];

/** mulberry32: a small seeded generator, so every run edits the same places. */
function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  return { next, pick };
}
type Random = ReturnType<typeof createRandom>;

const SKIPPED = 'script, style, noscript, template, textarea';

function textNodes(element: Element): Text[] {
  const walker = element.ownerDocument.createTreeWalker(element, 4 /* SHOW_TEXT */);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/** The DOM point at a raw character offset of `element.textContent`. */
function pointAt(element: Element, offset: number): [Text, number] {
  let passed = 0;
  const nodes = textNodes(element);
  for (const node of nodes) {
    if (offset <= passed + node.data.length) return [node, offset - passed];
    passed += node.data.length;
  }
  throw new Error(`offset ${offset} is past the end`);
}

/** The raw character offset of a DOM point in `element.textContent`, or null when outside it. */
function offsetOf(element: Element, container: Node, offset: number): number | null {
  let passed = 0;
  for (const node of textNodes(element)) {
    if (node === container) return passed + offset;
    passed += node.data.length;
  }
  return null;
}

/** Replaces raw characters [from, to) of `element.textContent`; returns how to undo it. */
function replaceText(element: Element, from: number, to: number, replacement: string): () => void {
  const saved: Array<[Text, string]> = [];
  let passed = 0;
  let inserted = false;
  for (const node of textNodes(element)) {
    const start = passed;
    passed += node.data.length;
    if (passed < from || start > to || (passed === from && start !== from)) continue;
    const localFrom = Math.max(0, from - start);
    const localTo = Math.min(node.data.length, to - start);
    saved.push([node, node.data]);
    node.data = node.data.slice(0, localFrom) + (inserted ? '' : replacement) + node.data.slice(localTo);
    inserted = true;
  }
  return () => {
    for (const [node, data] of saved) node.data = data;
  };
}

interface Highlight {
  paragraph: Element;
  start: number;
  end: number;
  sentence: string;
  selectors: SelectorSet;
  baseline: AnchorResult;
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The page's paragraphs with text, in document order (edits are undone, so this stays true). */
interface Page {
  body: HTMLElement;
  model: TextModel;
  paragraphs: Element[];
}

function loadPage(name: string): Page {
  const html = readFileSync(join(REAL_PAGES_DIR, name, 'source.html'), 'utf8');
  const { body } = new JSDOM(html, { virtualConsole: new VirtualConsole() }).window.document;
  const paragraphs = [...body.querySelectorAll('p')].filter((p) => collapse(p.textContent ?? ''));
  return { body, model: createTextModel(body), paragraphs };
}

/** Paragraphs long enough to hold a sentence worth highlighting, with nothing but text in them. */
function highlightable(page: Page): Element[] {
  return page.paragraphs.filter(
    (p) => collapse(p.textContent ?? '').length >= 80 && !p.querySelector(SKIPPED) && !p.closest(SKIPPED),
  );
}

/**
 * A sentence of a random paragraph, selected as a user would (a DOM range), and its selectors.
 * `model` is the unedited page's (every edit is undone before the next).
 */
function chooseHighlight({ body, model }: Page, paragraphs: Element[], random: Random): Highlight {
  for (let tries = 0; tries < 1000; tries++) {
    const paragraph = random.pick(paragraphs);
    const raw = paragraph.textContent ?? '';
    const sentences = [...raw.matchAll(/\S[^.!?]*[.!?]+(?=\s|$)/g)].filter(
      (m) => m[0].length >= 30 && m[0].length <= 400 && (m[0].match(/[A-Za-z]{3,}/g)?.length ?? 0) >= 4,
    );
    if (sentences.length === 0) continue;
    const sentence = random.pick(sentences);
    const start = sentence.index;
    const end = start + sentence[0].length;
    const range = body.ownerDocument.createRange();
    range.setStart(...pointAt(paragraph, start));
    range.setEnd(...pointAt(paragraph, end));
    const described = describeRange(body, range, model);
    if (!described.ok) throw new Error(`no selectors for "${sentence[0]}": ${described.error}`);
    expect(described.selectors.quote.exact).toBe(collapse(sentence[0]));
    return {
      paragraph,
      start,
      end,
      sentence: sentence[0],
      selectors: described.selectors,
      baseline: anchor(body, described.selectors, model),
    };
  }
  throw new Error('no paragraph on this page has a sentence to highlight');
}

function otherParagraphs(page: Page, highlight: Highlight, relation: 'before' | 'any'): Element[] {
  const index = page.paragraphs.indexOf(highlight.paragraph);
  const candidates = relation === 'before' ? page.paragraphs.slice(0, index) : page.paragraphs;
  return candidates.filter((p) => p !== highlight.paragraph && !p.contains(highlight.paragraph));
}

function newParagraph(doc: Document, random: Random): HTMLParagraphElement {
  const p = doc.createElement('p');
  p.textContent = `${Array.from({ length: 12 }, () => random.pick(LEXICON)).join(' ')}.`;
  return p;
}

/** A different word of the lexicon in place of a random word of three letters or more (where `allowed`). */
function wordReplacement(text: string, random: Random, allowed: (from: number, to: number) => boolean = () => true) {
  const words = [...text.matchAll(/[A-Za-z]{3,}/g)].filter((m) => allowed(m.index, m.index + m[0].length));
  if (words.length === 0) return null;
  const word = random.pick(words);
  const replacement = LEXICON.filter((w) => w !== word[0].toLowerCase())[Math.floor(random.next() * 9)] as string;
  return { from: word.index, to: word.index + word[0].length, replacement };
}

/** Applies one edit; returns how to undo it and where the quote now is in its paragraph. */
function applyEdit(kind: EditKind, page: Page, highlight: Highlight, random: Random) {
  const doc = page.body.ownerDocument;
  const { paragraph } = highlight;
  const unchanged = { start: highlight.start, end: highlight.end };
  switch (kind) {
    case 'change-word-elsewhere': {
      // A third of the time a word of the quote's own paragraph, another third a word of a paragraph
      // next to it: words that may be the quote's context.
      const choice = random.next();
      if (choice < 1 / 3) {
        const outside = (from: number, to: number) => to < highlight.start || from > highlight.end;
        const change = wordReplacement(paragraph.textContent ?? '', random, outside);
        if (change) {
          const shift = change.from < highlight.start ? change.replacement.length - (change.to - change.from) : 0;
          return {
            undo: replaceText(paragraph, change.from, change.to, change.replacement),
            quote: { start: highlight.start + shift, end: highlight.end + shift },
          };
        }
      }
      const neighbours = [paragraph.previousElementSibling, paragraph.nextElementSibling].filter(
        (e): e is Element => !!e && !!collapse(e.textContent ?? '') && !e.querySelector(SKIPPED),
      );
      const target =
        neighbours.length && choice < 2 / 3
          ? random.pick(neighbours)
          : random.pick(otherParagraphs(page, highlight, 'any'));
      const change = wordReplacement(target.textContent ?? '', random);
      if (!change) return { undo: () => {}, quote: unchanged };
      return { undo: replaceText(target, change.from, change.to, change.replacement), quote: unchanged };
    }
    case 'insert-paragraph-before': {
      const inserted = newParagraph(doc, random);
      const earlier = otherParagraphs(page, highlight, 'before');
      const before = earlier.length && random.next() < 0.5 ? random.pick(earlier) : paragraph;
      before.before(inserted);
      return { undo: () => inserted.remove(), quote: unchanged };
    }
    case 'delete-paragraph-before': {
      const previous = paragraph.previousElementSibling;
      const earlier = otherParagraphs(page, highlight, 'before');
      const removed =
        previous && collapse(previous.textContent ?? '') && random.next() < 0.5
          ? previous
          : random.pick(earlier.length ? earlier : otherParagraphs(page, highlight, 'any'));
      const [parent, next] = [removed.parentNode as Node, removed.nextSibling];
      removed.remove();
      return { undo: () => parent.insertBefore(removed, next), quote: unchanged };
    }
    case 'duplicate-paragraph': {
      const copy = paragraph.cloneNode(true) as Element;
      paragraph.after(copy);
      return { undo: () => copy.remove(), quote: unchanged };
    }
    case 'change-word-in-quote': {
      const raw = paragraph.textContent ?? '';
      const inside = (from: number, to: number) => from > highlight.start && to < highlight.end;
      const change = wordReplacement(raw, random, inside) as NonNullable<ReturnType<typeof wordReplacement>>;
      const undo = replaceText(paragraph, change.from, change.to, change.replacement);
      const delta = change.replacement.length - (change.to - change.from);
      return { undo, quote: { start: highlight.start, end: highlight.end + delta } };
    }
    case 'delete-quote-sentence':
      return { undo: replaceText(paragraph, highlight.start, highlight.end, ''), quote: null };
  }
}

type Outcome = 'exact' | 'overlapping' | 'not-found' | 'wrong';

/** Whether the answer is the highlighted place (`expected`: raw offsets in the paragraph, or null when gone). */
function judge(result: AnchorResult, paragraph: Element, expected: { start: number; end: number } | null): Outcome {
  if (result.status === 'not-found') return 'not-found';
  if (!expected) return 'wrong';
  const start = offsetOf(paragraph, result.range.startContainer, result.range.startOffset);
  const end = offsetOf(paragraph, result.range.endContainer, result.range.endOffset);
  if (start === null || end === null) return 'wrong';
  if (start === expected.start && end === expected.end) return 'exact';
  return start < expected.end && end > expected.start ? 'overlapping' : 'wrong';
}

const realPages = realPageNames();
/** The measured pages where the shared folder has them; else (another set of real pages) any of its pages. */
const namedPages = PAGES.filter((name) => realPages.includes(name));
const candidatePages = namedPages.length > 0 ? namedPages : realPages;

describe(realPages.length ? 'anchoring on generated edits of real pages' : MISSING_SHARED_REASON, () => {
  beforeEach((context) => context.skip(realPages.length === 0, MISSING_SHARED_REASON));
  it(
    `re-anchors unchanged quotes, and never anchors to a wrong place (${CASES_PER_PAGE} edits × up to ${PAGES.length} pages)`,
    () => {
      const loaded: Array<{ name: string; page: Page; paragraphs: Element[] }> = [];
      for (const name of candidatePages) {
        if (loaded.length === PAGES.length) break;
        const page = loadPage(name);
        const paragraphs = highlightable(page);
        if (paragraphs.length >= MIN_HIGHLIGHTABLE) loaded.push({ name, page, paragraphs });
      }
      const availablePages = loaded.map(({ name }) => name);
      expect(availablePages.length, `no page of ${REAL_PAGES_DIR} has paragraphs to highlight`).toBeGreaterThan(0);
      const random = createRandom(SEED);
      const outcomes = new Map<EditKind | 'no-edit', Record<Outcome, number>>();
      const count = (kind: EditKind | 'no-edit', outcome: Outcome) => {
        const tally = outcomes.get(kind) ?? { exact: 0, overlapping: 0, 'not-found': 0, wrong: 0 };
        tally[outcome]++;
        outcomes.set(kind, tally);
      };
      const wrong: string[] = [];
      for (const { name, page, paragraphs } of loaded) {
        for (let i = 0; i < CASES_PER_PAGE; i++) {
          const kind = EDIT_KINDS[i % EDIT_KINDS.length] as EditKind;
          const highlight = chooseHighlight(page, paragraphs, random);
          count('no-edit', judge(highlight.baseline, highlight.paragraph, highlight));
          const edit = applyEdit(kind, page, highlight, random);
          const result = anchor(page.body, highlight.selectors);
          const outcome = judge(result, highlight.paragraph, edit.quote);
          count(kind, outcome);
          if (outcome === 'wrong' || (outcome === 'overlapping' && QUOTE_UNCHANGED.includes(kind))) {
            wrong.push(`${name} ${kind}: "${highlight.sentence}" → "${result.status === 'found' && result.text}"`);
          }
          edit.undo();
        }
      }

      const sum = (kinds: readonly (EditKind | 'no-edit')[], outcome: Outcome) =>
        kinds.reduce((total, kind) => total + (outcomes.get(kind)?.[outcome] ?? 0), 0);
      const total = (kinds: readonly (EditKind | 'no-edit')[]) =>
        kinds.reduce((n, kind) => n + Object.values(outcomes.get(kind) ?? {}).reduce((a, b) => a + b, 0), 0);
      const unchangedRate = sum(QUOTE_UNCHANGED, 'exact') / total(QUOTE_UNCHANGED);
      console.info(
        `anchoring on ${availablePages.join(', ')}: exact re-anchor with the quote unchanged ${(unchangedRate * 100).toFixed(1)}% ` +
          `(${sum(QUOTE_UNCHANGED, 'exact')}/${total(QUOTE_UNCHANGED)}), wrong anchors ${sum([...EDIT_KINDS], 'wrong')}\n` +
          [...outcomes].map(([kind, tally]) => `  ${kind}: ${JSON.stringify(tally)}`).join('\n'),
      );

      expect(wrong).toEqual([]);
      expect(unchangedRate).toBeGreaterThanOrEqual(0.99);
      expect(outcomes.get('delete-quote-sentence')?.['not-found']).toBe(total(['delete-quote-sentence']));
      expect(sum(['no-edit'], 'exact')).toBe(total(['no-edit']));
    },
    TIME_BUDGET_MS,
  );
});
