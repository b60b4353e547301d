import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { bracketedColonTitle, dashSeparatedTitle, titleBySeparators } from '@/lib/capture/page-title';

const page = (head: string) =>
  new JSDOM(`<html><head>${head}</head><body><h1>Tide pools</h1></body></html>`, {
    virtualConsole: new VirtualConsole(),
  }).window.document;

// Upstream Readability's reading of en and em dashes (mozilla/readability#960), which 0.6.0 lacks.
describe('a title with an en or em dash between its parts', () => {
  it('loses its last part, the site’s name, as after " | " or " - "', () => {
    // QA pass: a short first part with a hyphen in a word was cut there ("in Types — Python …").
    expect(titleBySeparators('Built-in Types — Python 3.11.2 documentation')).toBe(
      'Built-in Types — Python 3.11.2 documentation',
    );
    expect(titleBySeparators('Built-in Functions — The Python Standard Library Reference, 3.11')).toBe(
      'The Python Standard Library Reference, 3.11',
    );
    expect(titleBySeparators('Notes on the tide pools of Brittany – Ana’s small website')).toBe(
      'Notes on the tide pools of Brittany',
    );
    expect(titleBySeparators('Notes on the tide pools of Brittany — Ana’s small website')).toBe(
      'Notes on the tide pools of Brittany',
    );
    // The last separator, whichever it is.
    expect(titleBySeparators('Tide pools | Notes on the coast of Brittany – Ana’s website')).toBe(
      'Tide pools | Notes on the coast of Brittany',
    );
  });

  it('stays whole when four words or fewer would be left (a colon no longer cuts it there)', () => {
    expect(titleBySeparators('Tides: Moon and Sea — a guide to the tides')).toBe(
      'Tides: Moon and Sea — a guide to the tides',
    );
  });

  it('loses its first part instead when the rest before the last is under three words', () => {
    expect(titleBySeparators('Ana’s site – Notes on the tide pools of Brittany')).toBe(
      'Notes on the tide pools of Brittany',
    );
  });

  it('is read from <title> only where Readability reads it there: not beside a metadata title', () => {
    const title = '<title>Notes on the tide pools of Brittany – Ana’s small website</title>';
    expect(dashSeparatedTitle(page(title))).toBe('Notes on the tide pools of Brittany');
    // An unrelated meta tag (not one Readability reads a title from) changes nothing.
    expect(dashSeparatedTitle(page(`${title}<meta name="apple-mobile-web-app-title" content="Ana">`))).toBe(
      'Notes on the tide pools of Brittany',
    );
    // Readability keeps a metadata title as written, and so 0.6.0 and upstream agree: left to it.
    expect(dashSeparatedTitle(page(`${title}<meta property="og:title" content="Notes – Ana">`))).toBeNull();
    expect(dashSeparatedTitle(page(`${title}<meta name="twitter:title" content="Notes – Ana">`))).toBeNull();
    expect(dashSeparatedTitle(page(`${title}<script type="application/ld+json">{}</script>`))).toBeNull();
    // A dash inside a word, or none at all: 0.6.0 and upstream agree.
    expect(dashSeparatedTitle(page('<title>Notes on pages 10–12 of the tide book</title>'))).toBeNull();
    expect(dashSeparatedTitle(page('<title>Notes on the tide pools | Ana’s small website</title>'))).toBeNull();
  });
});

// QA pass on texinfo manuals: Readability keeps what follows a title's last ": ", here inside brackets.
describe('a title whose only colon is inside brackets', () => {
  const doc = (title: string, head = '') =>
    new JSDOM(`<html><head><title>${title}</title>${head}</head><body></body></html>`).window.document;
  it('is kept whole; a colon outside brackets, a separator or a metadata title decide as before', () => {
    const texinfo = 'Primitive Types (libffi: the portable foreign function interface library)';
    expect(bracketedColonTitle(doc(texinfo))).toBe(texinfo);
    expect(bracketedColonTitle(doc('Tides: Moon and Sea'))).toBeNull();
    expect(bracketedColonTitle(doc('Types (libffi: a library) | Docs'))).toBeNull();
    expect(bracketedColonTitle(doc(texinfo, '<meta property="og:title" content="Primitive Types">'))).toBeNull();
  });
});
