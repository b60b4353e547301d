import { describe, expect, it } from 'vitest';
import { decodeEntities } from '@/lib/catalog-updates/decode-entities';

describe('decodeEntities', () => {
  it('decodes numeric references, the punctuation CMSes write and Latin-1 letters', () => {
    expect(decodeEntities('Tom &amp; Jerry&#8217;s &#x201C;guide&#x201D; &hellip; &Ccedil;a &aring; Zo&euml;')).toBe(
      'Tom & Jerry’s “guide” … Ça å Zoë',
    );
  });

  it('decodes once, and leaves unknown names, other cases and invalid numbers harmless', () => {
    expect(decodeEntities('&amp;amp; &constructor; &AMP; &#0; &#xD800; &#1114112; <b>')).toBe(
      '&amp; &constructor; &AMP; \uFFFD \uFFFD \uFFFD <b>',
    );
  });
});
