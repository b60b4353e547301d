// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { decodeBody, sniffEncoding } from '@/lib/catalog-updates/decode-body';

const latin1 = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeBody', () => {
  it('reads UTF-8 by default and drops a UTF-8 byte-order mark', () => {
    expect(decodeBody(utf8('<rss>Café — ok</rss>'), null)).toBe('<rss>Café — ok</rss>');
    expect(decodeBody(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('<rss/>')]), 'text/xml; charset=iso-8859-1')).toBe(
      '<rss/>',
    );
  });

  it('follows the XML declaration’s encoding when the server names none', () => {
    const bytes = latin1('<?xml version="1.0" encoding="ISO-8859-1"?><rss><title>Caf\u00e9</title></rss>');
    expect(sniffEncoding(bytes, 'application/rss+xml')).toBe('iso-8859-1');
    expect(decodeBody(bytes, 'application/rss+xml')).toContain('<title>Café</title>');
  });

  it('prefers the Content-Type charset, and reads an HTML meta charset', () => {
    expect(sniffEncoding(latin1('<?xml version="1.0" encoding="utf-8"?>'), 'text/xml; charset="windows-1252"')).toBe(
      'windows-1252',
    );
    expect(decodeBody(latin1('<html><head><meta charset=iso-8859-1><title>Se\u00f1or</title>'), 'text/html')).toContain(
      'Señor',
    );
  });

  it('reads UTF-16 with a byte-order mark', () => {
    const text = '<feed>Ω</feed>';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i += 1) bytes.set([text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8], 2 + i * 2);
    expect(decodeBody(bytes, null)).toBe(text);
  });

  it('falls back to UTF-8 for an unknown encoding, replacing bad bytes instead of failing', () => {
    expect(decodeBody(latin1('<?xml version="1.0" encoding="x-made-up"?><a>\u00ff</a>'), null)).toBe(
      '<?xml version="1.0" encoding="x-made-up"?><a>\uFFFD</a>',
    );
  });
});
