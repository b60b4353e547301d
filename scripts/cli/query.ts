/**
 * `npm run --silent query -- search "text" [--limit N]` prints one JSON object per query:
 *   {"query", "tookMs", "results": [{"id", "title", "url", "summary", "score"}]}
 * `--stdin` reads one query per line and prints one object per line. Runs the same `lib/search`
 * code on the same bundled data and prebuilt index as the popup; `tookMs` times the search call alone.
 *
 * `npm run --silent query -- related --file PATH [--limit N]` prints
 *   {"matched", "tookMs", "results": [...]} for an HTML file (text extracted by the content script's
 * own code, on a DOM parsed by linkedom; parsing is not timed, extraction is) or a plain text file.
 *
 * `runQueryCli` is the whole program, so tests call it in-process instead of spawning Node.
 */
import { createReadStream, realpathSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { parseHTML } from 'linkedom';
import type { Article } from '@/lib/corpus/article';
import { ARTICLES } from '@/lib/corpus/catalog';
import { getBundledRelatedEngine } from '@/lib/related/bundled';
import { extractPageText, type PageText } from '@/lib/related/page-text';
import { getBundledSearchEngine } from '@/lib/search/bundled';
import type { SearchEngine } from '@/lib/search/engine';

const USAGE =
  'usage: query search "text" [--limit N] | query search --stdin [--limit N] | query related --file PATH [--limit N]';

/** Where the program reads and writes: the process's streams, or a test's. */
export interface QueryCliIo {
  /** One line of output (the newline is added). */
  stdout(line: string): void;
  stderr(text: string): void;
  stdin: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;
  /** The bytes of a file, in chunks. */
  openFile?(path: string): AsyncIterable<Uint8Array>;
}

/** A mistake in how the program was called: reported with the usage line, exit status 2. */
class UsageError extends Error {}

function fail(message: string): never {
  throw new UsageError(message);
}

/** Runs `query …` with the given arguments (without `node` and the script); returns the exit status. */
export async function runQueryCli(argv: readonly string[], io: QueryCliIo): Promise<number> {
  try {
    await run(argv, io);
    return 0;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`${error.message}\n${USAGE}\n`);
    return 2;
  }
}

async function run(argv: readonly string[], io: QueryCliIo): Promise<void> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      limit: { type: 'string', default: '10' },
      stdin: { type: 'boolean', default: false },
      file: { type: 'string' },
    },
  });
  const [command, ...rest] = positionals;
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) fail(`--limit must be an integer from 1 to 1000`);

  if (command === 'related') {
    if (!values.file) fail('related needs --file PATH');
    io.stdout(await runRelated(values.file, limit, io));
    return;
  }
  if (command !== 'search') fail(command ? `unknown command "${command}"` : 'missing command');
  const engine = getBundledSearchEngine();
  // One untimed search first, like a popup that has been open a moment: JIT warm-up and the lazily
  // built synonym table would otherwise be billed to the first query's tookMs.
  engine.search('warm up the engine with a typo: thundring', { typing: false });
  if (values.stdin) {
    const lines = createInterface({ input: Readable.from(io.stdin), crlfDelay: Number.POSITIVE_INFINITY });
    for await (const line of lines) if (line.trim()) io.stdout(runSearch(engine, line, limit));
  } else {
    const query = rest.join(' ');
    if (!query.trim()) fail('missing query text');
    io.stdout(runSearch(engine, query, limit));
  }
}

function runSearch(engine: SearchEngine, query: string, limit: number): string {
  const started = performance.now();
  // A finished query from the command line: the last word is complete, not being typed.
  const { results } = engine.search(query, { limit, typing: false });
  const tookMs = performance.now() - started;
  return JSON.stringify({
    query,
    tookMs: Number(tookMs.toFixed(3)),
    results: results.map(toJsonResult),
  });
}

function toJsonResult({ article, score }: { article: Article; score: number }) {
  return {
    id: article.id,
    title: article.title,
    url: article.url,
    summary: article.summary,
    score: Number(score.toFixed(4)),
  };
}

async function readText(path: string, io: QueryCliIo): Promise<string> {
  const chunks: Uint8Array[] = [];
  try {
    for await (const chunk of (io.openFile ?? createReadStream)(path)) chunks.push(chunk);
  } catch (error) {
    fail(`cannot read ${path}: ${(error as Error).message}`);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function runRelated(path: string, limit: number, io: QueryCliIo): Promise<string> {
  const content = await readText(path, io);
  const isHtml = /\.x?html?$/i.test(path) || /^\s*<(!doctype|html|head|body)/i.test(content);
  const related = getBundledRelatedEngine();
  const document = isHtml ? parseHTML(content).document : undefined;
  // One untimed run on a realistic text first (the catalog's summaries), like a service worker
  // that has been running: JIT warm-up would otherwise be billed to this page's tookMs.
  const warmUpHtml = `<main>${ARTICLES.map((a) => `<h2>${a.title}</h2><p>${a.summary}</p>`).join('')}</main>`;
  for (let round = 0; round < 3; round++)
    related.related(extractPageText(parseHTML(warmUpHtml).document), { limit: 1 });
  const started = performance.now();
  const page: PageText = document ? extractPageText(document) : { title: '', text: content, truncated: false };
  const { matched, results } = related.related(page, { limit });
  const tookMs = performance.now() - started;
  return JSON.stringify({ matched, tookMs: Number(tookMs.toFixed(3)), results: results.map(toJsonResult) });
}

function isMainModule(): boolean {
  try {
    return realpathSync(process.argv[1] ?? '') === import.meta.filename;
  } catch {
    return false;
  }
}

if (isMainModule()) {
  process.exitCode = await runQueryCli(process.argv.slice(2), {
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (text) => process.stderr.write(text),
    stdin: process.stdin,
  });
}
