import { Parser } from 'htmlparser2';
import {
  isJsonLdType,
  metaKey,
  PAGE_LIMITS,
  type PageFacts,
  type PageLink,
  type PageMeta,
  relTokens,
} from '@/lib/catalog-updates/page-facts';
import { resolveUrl } from '@/lib/catalog-updates/urls';

/**
 * Reads a page's facts from its HTML text without a DOM: the MV3 service worker has no DOMParser.
 * htmlparser2 tokenizes HTML as browsers do where it matters here (entities in attributes and
 * `<title>`, raw `<script>` text), is tolerant of broken markup and uses no Node built-ins.
 */
export function readPageFactsFromHtml(html: string, url: string): PageFacts {
  const truncated = html.length > PAGE_LIMITS.maxChars;
  const metas: PageMeta[] = [];
  const links: PageLink[] = [];
  const jsonLd: string[] = [];
  let title: string | null = null;
  let base: string | null = null;
  let svgDepth = 0;
  let depth = 0;
  /** The sum of the depths elements opened at (PAGE_LIMITS.maxNestingWork). */
  let nestingWork = 0;
  let tooDeep = false;
  let capture: { kind: 'title' | 'json-ld'; text: string } | null = null;

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        // Read up to there, as a page past maxChars is: nothing after it is parsed.
        nestingWork += ++depth;
        if (depth > PAGE_LIMITS.maxDepth || nestingWork > PAGE_LIMITS.maxNestingWork) {
          tooDeep = true;
          return parser.pause();
        }
        if (name === 'svg') svgDepth += 1;
        if (name === 'meta' && metas.length < PAGE_LIMITS.maxMetas) {
          const key = metaKey(attributes);
          if (key && attributes.content !== undefined) metas.push({ key, content: attributes.content });
        } else if (name === 'link' && attributes.href !== undefined && links.length < PAGE_LIMITS.maxLinks) {
          links.push({
            rel: relTokens(attributes.rel),
            href: attributes.href,
            type: attributes.type ?? null,
            title: attributes.title ?? null,
          });
        } else if (name === 'base' && base === null && attributes.href !== undefined) {
          base = attributes.href;
        } else if (name === 'title' && title === null && svgDepth === 0) {
          capture = { kind: 'title', text: '' };
        } else if (name === 'script' && isJsonLdType(attributes.type) && jsonLd.length < PAGE_LIMITS.maxJsonLdBlocks) {
          capture = { kind: 'json-ld', text: '' };
        }
      },
      ontext(text) {
        if (capture) capture.text += text;
      },
      onclosetag(name) {
        depth -= 1;
        if (name === 'svg' && svgDepth > 0) svgDepth -= 1;
        if (capture && (name === 'title' || name === 'script')) {
          if (capture.kind === 'title') title = capture.text;
          else jsonLd.push(capture.text.slice(0, PAGE_LIMITS.maxJsonLdChars));
          capture = null;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(truncated ? html.slice(0, PAGE_LIMITS.maxChars) : html);

  return { url, baseUrl: resolveUrl(base, url) ?? url, title, metas, links, jsonLd, truncated: truncated || tooDeep };
}
