import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractPageText } from '@/lib/related/page-text';

const doc = (html: string) => parseHTML(html.startsWith('<html') ? html : `<html>${html}</html>`).document;
const filler = 'Real article text about cache stampedes and request coalescing. '.repeat(10);

describe('extractPageText', () => {
  it('takes the main article and skips navigation, footers, code, forms, scripts and hidden text', () => {
    const page = extractPageText(
      doc(`<html><head><title>T</title><style>p{}</style></head><body>
        <nav>Home Pricing Login</nav>
        <article><h1>Cache stampede</h1><p>${filler}</p>
          <pre><code>const x = redis.get(key)</code></pre>
          <p hidden>hidden words</p><p style="display: none">invisible words</p><p aria-hidden="true">decorative</p>
          <script>alert(1)</script><form><button>Subscribe</button></form>
        </article>
        <footer>Copyright footer words</footer></body></html>`),
    );
    expect(page.title).toBe('Cache stampede');
    expect(page.text).toContain('request coalescing');
    for (const absent of [
      'Pricing',
      'redis.get',
      'hidden words',
      'invisible',
      'decorative',
      'alert',
      'Subscribe',
      'Copyright',
    ]) {
      expect(page.text).not.toContain(absent);
    }
  });

  it('falls back to the body when the page has no substantial main element', () => {
    const page = extractPageText(doc(`<body><main>tiny</main><div><p>${filler}</p></div></body>`));
    expect(page.text).toContain('request coalescing');
  });

  it('caps huge pages', () => {
    const page = extractPageText(doc(`<body><p>${'word '.repeat(100_000)}</p></body>`), 10_000);
    expect(page.truncated).toBe(true);
    expect(page.text.length).toBeLessThanOrEqual(10_000);
  });
});
