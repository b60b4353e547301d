import { Parser } from 'htmlparser2';
import { isBlockElement } from '@/lib/catalog-updates/html-text';
import { resolveUrl } from '@/lib/catalog-updates/urls';

/**
 * Reads the repeated records of a feed or sitemap (`item`, `entry`, `url`, `sitemap`) from XML text
 * in one pass, without a DOM (the service worker has none). Only records are kept as trees, and
 * only the first `maxRecords` of them: a 100,000-item feed costs a count, not 100,000 trees.
 * Names are matched case-insensitively and by namespace URI, whatever prefix a feed uses.
 */
export interface XmlNode {
  /** Local name, lowercased. */
  name: string;
  /** Namespace URI, '' for none. */
  ns: string;
  /** Attributes by lowercased name as written (`href`, `xml:base`). */
  attrs: Record<string, string>;
  children: XmlNode[];
  /** Text and CDATA directly inside this element. */
  text: string;
  /** All text inside it, its descendants' included, in document order (for markup such as XHTML content). */
  allText: string;
  /** The `xml:base` in effect here, resolved; else the document's address. */
  base: string;
}

export interface XmlRoot {
  name: string;
  ns: string;
}

export interface XmlRecords {
  root: XmlRoot | null;
  records: XmlNode[];
  /** Every record in the document, kept or not. */
  total: number;
  /** Structural faults (elements left open or closed out of order, several roots, text outside the root). */
  faults: string[];
}

export interface XmlRecordOptions {
  documentUrl: string;
  /** Given the root element: the local name of its records and how many to keep, or null to read none. */
  recordsOf(root: XmlRoot): { name: string; max: number } | null;
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const MAX_FAULTS = 5;
/**
 * Levels of elements kept below a record (real feeds use a handful). Deeper elements are not
 * built, and their text goes to the deepest kept one: each piece of text is added to every kept
 * ancestor, so unbounded nesting (a hostile feed of 400,000 nested <b>) would cost its square.
 */
const MAX_RECORD_DEPTH = 32;
/**
 * The longest `xml:base` kept (twice the longest blog address Shelf keeps): a longer one leaves the
 * base in effect. Each element nested in a relative `xml:base` (`<x xml:base="a/">`) lengthens it, and
 * every open element holds its own: a 5 MB feed nested so held their square, far past a worker's memory.
 */
const MAX_BASE_LENGTH = 4_096;
/**
 * How much nesting a document may make the XML parser work through before it is refused (read no
 * further, a fault): the parser shifts its whole stack of open elements at each element opened and
 * closed (htmlparser2's `unshift`), so the cost is the sum of the depths elements open at. 700,000
 * levels (what 5 MB allows) held the service worker for minutes, and so did 99,000 levels then a million
 * empty elements inside them (review: a cap on the depth alone still allowed that). Feeds nest a few
 * levels; a description nested 50,000 deep (1.25 billion) is still read, in about two seconds.
 */
const MAX_NESTING_WORK = 1_500_000_000;

interface OpenElement {
  name: string;
  /** Where its start tag began: a self-closing tag is closed at the same place. */
  start: number;
  /** The namespace prefixes it declares, undeclared again as it closes. */
  declares: string[];
  base: string;
  node: XmlNode | null;
}

function splitName(qualified: string): [prefix: string, local: string] {
  const colon = qualified.indexOf(':');
  return colon === -1 ? ['', qualified] : [qualified.slice(0, colon), qualified.slice(colon + 1)];
}

export function readXmlRecords(text: string, options: XmlRecordOptions): XmlRecords {
  const result: XmlRecords = { root: null, records: [], total: 0, faults: [] };
  const stack: OpenElement[] = [];
  // Each prefix's namespaces, the innermost declaration last. One map for the document, not a copy per
  // element: an element declaring a new prefix at each of 200,000 levels copied a map the size of its
  // depth at each, holding their square (the worker ran out of memory).
  const declared = new Map<string, string[]>([['xml', [XML_NS]]]);
  let records: { name: string; max: number } | null = null;
  let recordDepth = -1;
  let roots = 0;
  /** The sum of the depths elements opened at (MAX_NESTING_WORK). */
  let nestingWork = 0;
  const fault = (message: string) => {
    if (result.faults.length < MAX_FAULTS) result.faults.push(message);
  };

  const parser = new Parser(
    {
      onopentag(qualified, attrs) {
        nestingWork += stack.length;
        if (nestingWork > MAX_NESTING_WORK) {
          fault(`elements nested too deeply to read (${stack.length.toLocaleString('en-US')} levels open)`);
          return parser.pause();
        }
        const parent = stack.at(-1);
        const declares: string[] = [];
        for (const [key, value] of Object.entries(attrs)) {
          const declaredPrefix = key === 'xmlns' ? '' : key.startsWith('xmlns:') ? key.slice(6) : null;
          if (declaredPrefix === null) continue;
          const uris = declared.get(declaredPrefix) ?? [];
          uris.push(value);
          declared.set(declaredPrefix, uris);
          declares.push(declaredPrefix);
        }
        const [prefix, name] = splitName(qualified);
        const ns = declared.get(prefix)?.at(-1) ?? '';
        const parentBase = parent?.base ?? options.documentUrl;
        const resolvedBase = resolveUrl(attrs['xml:base'], parentBase);
        const base = resolvedBase && resolvedBase.length <= MAX_BASE_LENGTH ? resolvedBase : parentBase;

        if (!parent) {
          roots += 1;
          if (roots === 2) fault(`a second root element <${qualified}>`);
          if (roots === 1) {
            result.root = { name, ns };
            records = options.recordsOf(result.root);
          }
        }
        let node: XmlNode | null = null;
        if (recordDepth === -1 && name === records?.name && parent) {
          result.total += 1;
          if (result.records.length < records.max) {
            recordDepth = stack.length;
            node = { name, ns, attrs, children: [], text: '', allText: '', base };
            result.records.push(node);
          }
        } else if (recordDepth !== -1 && parent?.node && stack.length - recordDepth < MAX_RECORD_DEPTH) {
          node = { name, ns, attrs, children: [], text: '', allText: '', base };
          parent.node.children.push(node);
          if (isBlockElement(name)) appendAllText(stack, ' ');
        }
        stack.push({ name: qualified, start: parser.startIndex, declares, base, node });
      },
      ontext(chunk) {
        const open = stack.at(-1);
        if (open?.node) {
          open.node.text += chunk;
          appendAllText(stack, chunk);
        } else if (recordDepth !== -1) {
          appendAllText(stack, chunk, recordDepth + MAX_RECORD_DEPTH - 1);
        } else if (!open && chunk.replace(/^\uFEFF/, '').trim()) fault('text outside the root element');
      },
      onclosetag(qualified, isImplied) {
        const closed = stack.pop();
        for (const declaredPrefix of closed?.declares ?? []) declared.get(declaredPrefix)?.pop();
        // htmlparser2 reports `<x/>` as implied too; only a close elsewhere is a fault.
        if (isImplied && closed?.start !== parser.startIndex) fault(`<${qualified}> is not closed where it should be`);
        if (closed?.node && isBlockElement(closed.node.name)) appendAllText(stack, ' ');
        if (stack.length === recordDepth) recordDepth = -1;
      },
    },
    { xmlMode: true, decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeCDATA: true },
  );
  parser.end(text);
  return result;
}

/** Adds text to every open element of the record being read, innermost (or `from`) first. */
function appendAllText(stack: readonly OpenElement[], text: string, from = stack.length - 1): void {
  for (let i = Math.min(from, stack.length - 1); i >= 0; i -= 1) {
    const node = stack[i]?.node;
    if (!node) return;
    node.allText += text;
  }
}

/** The first child with this local name (and, when given, one of these namespaces). */
export function child(node: XmlNode, name: string, namespaces?: readonly string[]): XmlNode | undefined {
  return node.children.find((c) => c.name === name && (!namespaces || namespaces.includes(c.ns)));
}

export function childrenNamed(node: XmlNode, name: string, namespaces?: readonly string[]): XmlNode[] {
  return node.children.filter((c) => c.name === name && (!namespaces || namespaces.includes(c.ns)));
}
