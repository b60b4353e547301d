import { describe, expect, it } from 'vitest';
import { sanitizeArticleHtml } from '@/lib/capture/sanitize';
import { QUIETED, quietNamelessLinks } from '@/lib/reader/nameless-links';
import { findUnsafeMarkup } from '../../../fixtures/security/find-unsafe-markup';

describe('links of a copy that give no words', () => {
  // QA pass: axe's link-name on a saved Wikipedia page (image links with alt="") and an empty share link.
  it('leaves the tab order and assistive technology; links with words of any kind stay', () => {
    const body = document.createElement('div');
    body.innerHTML = [
      '<a id="image" href="https://a.example/file.png"><img src="x.png" alt=""></a>',
      '<a id="empty" href="https://a.example/share"> </a>',
      '<a id="text" href="https://a.example/t">Text</a>',
      '<a id="alt" href="https://a.example/i"><img src="x.png" alt="A diagram"></a>',
      '<a id="titled" href="https://a.example/s" title="Share"></a>',
      '<a id="drawn" href="https://a.example/d"><svg><title>Home</title></svg></a>',
      // Named on themselves or by a label on the image (review: hidden though a screen reader names them).
      '<a id="labelled" href="https://a.example/m" aria-label="Share on Mastodon"><svg aria-hidden="true"></svg></a>',
      '<a id="labelled-image" href="https://a.example/h"><img src="h.png" alt="" aria-label="Home"></a>',
    ].join('');
    quietNamelessLinks(body);
    const quiet = [...body.querySelectorAll('a')]
      .filter((link) => link.getAttribute('tabindex') === '-1' && link.getAttribute('aria-hidden') === 'true')
      .map((link) => link.id);
    expect(quiet).toEqual(['image', 'empty']);
    expect(body.querySelector('#image')?.getAttribute('href')).toBe('https://a.example/file.png'); // still a link
  });

  // The security checks take a tab stop marked as Shelf's for Shelf's own: a copy cannot bring the mark.
  it('marks what it quiets as Shelf’s, a mark no copy keeps through the sanitizer', () => {
    const body = document.createElement('div');
    body.innerHTML = '<a href="https://a.example/x"></a>';
    quietNamelessLinks(body);
    expect(body.querySelector('a')?.hasAttribute(QUIETED)).toBe(true);
    const copy = sanitizeArticleHtml(
      `<p><a href="https://a.example/y" ${QUIETED} data-shelf-scroll-stop tabindex="-1">Words</a></p>`,
    );
    expect(copy).not.toMatch(/data-shelf-quiet|data-shelf-scroll-stop|tabindex/);
  });

  // Red team: the checks took a forged mark anywhere for Shelf's own.
  it('is told apart from a forged mark by the security checks', () => {
    const body = document.createElement('div');
    body.innerHTML = '<a href="https://a.example/x" target="_blank" rel="noopener noreferrer"></a>';
    quietNamelessLinks(body);
    expect(findUnsafeMarkup(body)).toEqual([]);
    const forged = document.createElement('div');
    forged.innerHTML = `<p><a href="https://a.example/y" target="_blank" rel="noopener noreferrer" tabindex="-1" ${QUIETED} aria-hidden="true">Named</a></p><div tabindex="0" data-shelf-scroll-stop>x</div>`;
    expect(findUnsafeMarkup(forged)).toEqual(['<a> has tabindex', '<div> has tabindex']);
  });
});
