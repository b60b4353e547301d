/**
 * Elements whose text `textContent` holds but a reader never sees: code, styles, what shows only
 * without scripts, an inert template. Every reading of a page's text leaves them out; some leave out
 * more, on purpose: a form field's text is no place for a highlight (`lib/annotations/text-model.ts`),
 * the Related box reads prose, not menus (`lib/related/page-text.ts`).
 */
export const UNRENDERED_TEXT_ELEMENTS: ReadonlySet<string> = new Set(['script', 'style', 'noscript', 'template']);
