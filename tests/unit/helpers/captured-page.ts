import type { CapturedPage } from '@/lib/capture/schema';

/**
 * A page as capture hands it to `savePage`: `text` in one paragraph (`html`), no byline, site or
 * excerpt, English, a minute's read. `fields` sets anything a test looks at.
 */
export function capturedPage(
  url: string,
  title: string,
  text: string,
  fields: Partial<CapturedPage> = {},
): CapturedPage {
  return {
    url,
    title,
    byline: null,
    siteName: null,
    excerpt: null,
    lang: 'en',
    dir: null,
    wordCount: text.split(/\s+/).filter(Boolean).length,
    readMinutes: 1,
    html: `<p>${text}</p>`,
    text,
    notice: null,
    ...fields,
  };
}
