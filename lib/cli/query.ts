/**
 * `npm run --silent query -- search "text" [--limit N]` prints one JSON object per query:
 *   {"query", "tookMs", "results": [{"id", "title", "url", "summary", "score"}]}
 * `--stdin` reads one query per line and prints one object per line. Runs the same `lib/search`
 * code on the same bundled data and prebuilt index as the popup; `tookMs` times the search call alone.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { getBundledSearchEngine } from '@/lib/search/bundled';

const USAGE = 'usage: query search "text" [--limit N] | query search --stdin [--limit N]';

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { limit: { type: 'string', default: '10' }, stdin: { type: 'boolean', default: false } },
});
const [command, ...rest] = positionals;
const limit = Number(values.limit);
if (!Number.isInteger(limit) || limit < 1 || limit > 1000) fail(`--limit must be an integer from 1 to 1000`);

const engine = getBundledSearchEngine();
// One untimed search first, like a popup that has been open a moment: JIT warm-up and the lazily
// built synonym table would otherwise be billed to the first query's tookMs.
engine.search('warm up the engine with a typo: thundring', { typing: false });

function runSearch(query: string): string {
  const started = performance.now();
  // A finished query from the command line: the last word is complete, not being typed.
  const { results } = engine.search(query, { limit, typing: false });
  const tookMs = performance.now() - started;
  return JSON.stringify({
    query,
    tookMs: Number(tookMs.toFixed(3)),
    results: results.map(({ article, score }) => ({
      id: article.id,
      title: article.title,
      url: article.url,
      summary: article.summary,
      score: Number(score.toFixed(4)),
    })),
  });
}

if (command !== 'search') fail(command ? `unknown command "${command}"` : 'missing command');
if (values.stdin) {
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) if (line.trim()) console.log(runSearch(line));
} else {
  const query = rest.join(' ');
  if (!query.trim()) fail('missing query text');
  console.log(runSearch(query));
}
