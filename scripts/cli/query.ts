/**
 * `npm run --silent query -- search "text" [--limit N] [--typing]` prints one JSON object per query:
 *   {"query", "tookMs", "results": [{"id", "title", "url", "summary", "score"}], "loose": [...]}
 * `results` is [] when nothing in the library is about the query; `loose` lists what is only loosely
 * related. The query is finished (its last word is a word, not a prefix) unless `--typing` says otherwise.
 * `--stdin` reads one query per line and prints one object per line. Runs the same `lib/search`
 * code on the same bundled data and prebuilt index as the popup; `tookMs` times the search call alone.
 *
 * `npm run --silent query -- related --file PATH [--limit N]` prints
 *   {"matched", "tookMs", "results": [...]} for an HTML file (text extracted by the content script's
 * own code, on a DOM parsed by linkedom; parsing is not timed, extraction is), a Markdown file (as its
 * site shows it) or a plain text file, each possibly gzip-compressed (as Debian ships manuals).
 *
 * `npm run --silent query -- library --dir PATH search "text" [--limit N] [--typing] [--stdin]` indexes every
 * HTML file under PATH as if it had been saved (the extension's capture and library index code) and
 * answers like `search`, each result with `reasons` (why it matched) and a `snippet` of its text.
 *
 * `runQueryCli` is the whole program, so tests call it in-process instead of spawning Node.
 */
import { createReadStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { ARTICLES } from '@/lib/corpus/catalog';
import { getBundledRelatedEngine } from '@/lib/related/bundled';
import { extractPageText } from '@/lib/related/page-text';
import { getBundledSearchEngine } from '@/lib/search/bundled';
import type { SearchEngine } from '@/lib/search/engine';
import { createLibraryIndex } from '@/lib/search/library-index';
import { isMainModule } from '@/scripts/cli/is-main';
import { htmlFilesUnder, libraryFolderDocuments } from '@/scripts/eval/library-folder';
import { librarySearchToJson } from '@/scripts/eval/library-json';
import { searchToJson, toJsonResult } from '@/scripts/eval/query-json';
import { filePageReader, isGzip } from '@/scripts/eval/related-docs';

const MAX_QUERY_CHARS = 1000;
const MAX_FILE_BYTES = 16 * 1024 * 1024;

const USAGE =
  'usage: query search "text" [--limit N] [--typing] | query search --stdin [--limit N] [--typing] | query related --file PATH [--limit N] | query library --dir PATH search "text"';

const HELP = `usage: query search "text" [--limit N] [--typing]
       query search --stdin [--limit N] [--typing]      one query per line of standard input
       query related --file PATH [--limit N]
       query library --dir PATH search "text" [--limit N] [--typing] [--stdin]
                                      search the HTML files under PATH as saved pages

Prints one JSON object per line: {query, tookMs, results, loose} for each query ("results" is [] when nothing
in the library is about the query; "loose" lists what is only loosely related), {matched, tookMs, results} for a file.
  --limit N      results to print, 1 to 1000 (default 10)
  --typing       the query is being typed: its last word may be unfinished (as in the popup)
  --stdin        read the queries from standard input
  --file PATH    an HTML page, a Markdown page or a plain text file, gzip-compressed or not
  --dir PATH     a folder of HTML files (library)
  -h, --help     this text

Limits: a query is at most ${MAX_QUERY_CHARS} characters; a file at most ${MAX_FILE_BYTES / 1024 / 1024} MiB (a larger one is refused),
decompressed too; input must be UTF-8 text (no NUL bytes).
Exit status: 0 done, 2 bad usage or input (the reason is on standard error).`;

/** Where the program reads and writes: the process's streams, or a test's. */
export interface QueryCliIo {
  /** One line of output (the newline is added). */
  stdout(line: string): void;
  stderr(text: string): void;
  stdin: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;
  /** The bytes of a file, in chunks. */
  openFile?(path: string): AsyncIterable<Uint8Array>;
}

/** A mistake in how the program was called or in its input: a message and exit status 2, no stack. */
class UsageError extends Error {
  constructor(
    message: string,
    readonly showUsage = true,
  ) {
    super(message);
  }
}

function fail(message: string): never {
  throw new UsageError(message);
}

function refuseInput(message: string): never {
  throw new UsageError(message, false);
}

/** Runs `query …` with the given arguments (without `node` and the script); returns the exit status. */
export async function runQueryCli(argv: readonly string[], io: QueryCliIo): Promise<number> {
  try {
    await run(argv, io);
    return 0;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(error.showUsage ? `${error.message}\n${USAGE}\n` : `${error.message}\n`);
    return 2;
  }
}

async function run(argv: readonly string[], io: QueryCliIo): Promise<void> {
  const { values, positionals } = parseOptions(argv);
  if (values.help) {
    io.stdout(HELP);
    return;
  }
  const [command, ...rest] = positionals;
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) fail(`--limit must be an integer from 1 to 1000`);

  if (command === 'related') {
    if (!values.file) fail('related needs --file PATH');
    io.stdout(await runRelated(values.file, limit, io));
    return;
  }
  if (command === 'library') {
    if (!values.dir) fail('library needs --dir PATH');
    if (rest[0] !== 'search') fail('library needs a command: library --dir PATH search "text"');
    await runLibrary(values.dir, rest.slice(1).join(' '), { limit, typing: values.typing, stdin: values.stdin }, io);
    return;
  }
  if (command !== 'search') fail(command ? `unknown command "${command}"` : 'missing command');
  const engine = getBundledSearchEngine();
  // One untimed search first, like a popup that has been open a moment: JIT warm-up and the lazily
  // built synonym table would otherwise be billed to the first query's tookMs.
  engine.search('warm up the engine with a typo: thundring', { typing: false });
  if (values.stdin) {
    for await (const { text, number } of readLines(io.stdin)) {
      if (!text.trim()) continue;
      checkQueryLength(text, `line ${number} of standard input`);
      io.stdout(runSearch(engine, text, limit, values.typing));
    }
  } else {
    const query = rest.join(' ');
    if (!query.trim()) fail('missing query text');
    checkQueryLength(query, 'the query');
    io.stdout(runSearch(engine, query, limit, values.typing));
  }
}

function parseOptions(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        limit: { type: 'string', default: '10' },
        stdin: { type: 'boolean', default: false },
        typing: { type: 'boolean', default: false },
        file: { type: 'string' },
        dir: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    // Node's parseArgs names the option in its message ("Unknown option '--limt'…").
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS_')) fail((error as Error).message);
    throw error;
  }
}

function checkQueryLength(query: string, what: string): void {
  if (query.length > MAX_QUERY_CHARS) refuseInput(`${what} is longer than ${MAX_QUERY_CHARS} characters`);
}

/**
 * Decodes chunks as UTF-8, refusing NUL bytes and invalid UTF-8 (a binary file, or text in another
 * encoding) with a message naming the input instead of searching mojibake.
 */
function createTextDecoder(name: string): (chunk: Uint8Array | string | undefined) => string {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const notText = () =>
    refuseInput(`${name} is not UTF-8 text (it holds NUL bytes or invalid UTF-8: binary, or another encoding)`);
  return (chunk) => {
    if (typeof chunk === 'string') return chunk.includes('\0') ? notText() : chunk;
    if (chunk?.includes(0)) notText();
    try {
      // Without a chunk: the end of the input, where a cut-off character is an error too.
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      return notText();
    }
  };
}

/** Numbered lines; holds at most one line (capped) in memory, so endless input without newlines stops. */
async function* readLines(input: QueryCliIo['stdin']): AsyncGenerator<{ text: string; number: number }> {
  const decode = createTextDecoder('standard input');
  let pending = '';
  let number = 0;
  const complete = function* (text: string) {
    const lines = text.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) yield { text: line.replace(/\r$/, ''), number: ++number };
    if (pending.length > MAX_QUERY_CHARS + 1) checkQueryLength(pending, `line ${number + 1} of standard input`);
  };
  for await (const chunk of input) yield* complete(pending + decode(chunk));
  yield* complete(pending + decode(undefined));
  if (pending) yield { text: pending.replace(/\r$/, ''), number: number + 1 };
}

function runSearch(engine: SearchEngine, query: string, limit: number, typing: boolean): string {
  return JSON.stringify(searchToJson(engine, query, { limit, typing }));
}

/**
 * The file as text, read as a stream that stops at the cap (a device like /dev/zero never ends). A
 * gzip-compressed file (as Debian ships manuals: Docker's `*.md.gz`), known by its first two bytes,
 * is read whole within the cap and decompressed to at most the cap too (a small file can expand to
 * gigabytes).
 */
async function readText(path: string, io: QueryCliIo): Promise<string> {
  const decode = createTextDecoder(path);
  let size = 0;
  let text = '';
  // Chunks held until two bytes tell whether the file is gzip (a pipe may deliver one byte first).
  let head: Uint8Array[] | undefined = [];
  let compressed: Uint8Array[] | undefined;
  try {
    for await (const chunk of (io.openFile ?? createReadStream)(path)) {
      size += chunk.byteLength;
      if (size > MAX_FILE_BYTES) refuseInput(`${path} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB`);
      if (compressed) compressed.push(chunk);
      else if (!head) text += decode(chunk);
      else if (size >= 2) {
        const start = Buffer.concat([...head, chunk]);
        head = undefined;
        if (isGzip(start)) compressed = [start];
        else text += decode(start);
      } else head.push(chunk);
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    refuseInput(`cannot read ${path}: ${(error as Error).message}`);
  }
  if (head) text += decode(Buffer.concat(head));
  if (!compressed) return text + decode(undefined);
  let inflated: Uint8Array;
  try {
    inflated = gunzipSync(Buffer.concat(compressed), { maxOutputLength: MAX_FILE_BYTES });
  } catch (error) {
    refuseInput(
      (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE'
        ? `${path} decompresses to more than ${MAX_FILE_BYTES / 1024 / 1024} MiB`
        : `${path} starts like a gzip file but cannot be decompressed: ${(error as Error).message}`,
    );
  }
  return decode(inflated) + decode(undefined);
}

async function runRelated(path: string, limit: number, io: QueryCliIo): Promise<string> {
  const readPage = filePageReader(path, await readText(path, io));
  const related = getBundledRelatedEngine();
  // One untimed run on a realistic text first (the catalog's summaries), like a service worker
  // that has been running: JIT warm-up would otherwise be billed to this page's tookMs.
  const warmUpHtml = `<main>${ARTICLES.map((a) => `<h2>${a.title}</h2><p>${a.summary}</p>`).join('')}</main>`;
  for (let round = 0; round < 3; round++)
    related.related(extractPageText(parseHTML(warmUpHtml).document), { limit: 1 });
  const started = performance.now();
  const { matched, results } = related.related(readPage(), { limit });
  const tookMs = performance.now() - started;
  return JSON.stringify({ matched, tookMs: Number(tookMs.toFixed(3)), results: results.map(toJsonResult) });
}

/** Indexes the folder's pages as saved pages, then answers each query like `search`. */
async function runLibrary(
  dir: string,
  query: string,
  options: { limit: number; typing: boolean; stdin: boolean },
  io: QueryCliIo,
): Promise<void> {
  if (!options.stdin && !query.trim()) fail('missing query text');
  let files: string[];
  try {
    files = htmlFilesUnder(dir);
  } catch (error) {
    return refuseInput(`cannot read ${dir}: ${(error as Error).message}`);
  }
  if (files.length === 0) refuseInput(`${dir} holds no HTML files (.html, .htm, .xhtml)`);
  const index = createLibraryIndex();
  const texts = new Map<string, string>();
  for (const document of libraryFolderDocuments(dir)) {
    index.put(document);
    texts.set(document.id, document.text);
  }
  // Sorting the vocabulary and building the typo matcher happen at the first search (as in a page
  // that has just read the library): an untimed one here, like the popup after opening.
  index.search('warm up the index with a typo: thundring', { typing: false });
  const answer = (text: string) => JSON.stringify(librarySearchToJson(index, texts, text, options));
  if (!options.stdin) {
    checkQueryLength(query, 'the query');
    io.stdout(answer(query));
    return;
  }
  for await (const { text, number } of readLines(io.stdin)) {
    if (!text.trim()) continue;
    checkQueryLength(text, `line ${number} of standard input`);
    io.stdout(answer(text));
  }
}

if (isMainModule(import.meta.filename)) {
  // A reader that stops early (`| head`) closes the pipe: stop there, quietly, as Unix tools do.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });
  process.exitCode = await runQueryCli(process.argv.slice(2), {
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (text) => process.stderr.write(text),
    stdin: process.stdin,
  });
}
