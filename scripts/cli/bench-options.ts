import { parseArgs } from 'node:util';

/** Sections measured in Node: they need no build. */
const NODE_SECTIONS = ['search', 'library', 'related', 'capture', 'highlights'] as const;
/** Sections measured in Chromium with the built extension (`.output/chrome-mv3`, `chrome-mv3-e2e`). */
const BROWSER_SECTIONS = ['popup', 'popup-library', 'reading-list', 'content-script', 'import', 'heavy-pages'] as const;
export const BENCH_SECTIONS = [...NODE_SECTIONS, ...BROWSER_SECTIONS] as const;
export type BenchSection = (typeof BENCH_SECTIONS)[number];

export interface BenchOptions {
  sections: BenchSection[];
  /** Whether a selected section loads the built extension, so the bench builds it first. */
  needsBuild: boolean;
  /** Catalog sizes of the search section; the bundled catalog's size means the bundled articles. */
  searchSizes: number[];
  /** Saved pages in the library section's libraries. */
  librarySizes: number[];
}

/** Bad bench arguments: the message says what is accepted. */
export class BenchUsageError extends Error {}

const isSection = (name: string): name is BenchSection => (BENCH_SECTIONS as readonly string[]).includes(name);

function sizesOf(flag: string, value: string | undefined, fallback: number[]): number[] {
  if (value === undefined) return fallback;
  const sizes = value.split(',').map((part) => part.trim());
  if (sizes.some((size) => !/^[1-9]\d*$/.test(size)))
    throw new BenchUsageError(`--${flag} takes positive whole numbers separated by commas, e.g. --${flag} 200,2000`);
  return sizes.map(Number);
}

/**
 * `npm run bench` arguments: `--only a,b` (sections, comma-separated; all by default), `--search-sizes`
 * and `--library-sizes` (comma-separated sizes). A misspelt section is an error, not an empty run.
 */
export function readBenchOptions(args: readonly string[], bundledSize: number): BenchOptions {
  let values: { only?: string; 'search-sizes'?: string; 'library-sizes'?: string };
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: { only: { type: 'string' }, 'search-sizes': { type: 'string' }, 'library-sizes': { type: 'string' } },
    }));
  } catch (error) {
    throw new BenchUsageError((error as Error).message);
  }
  const names = values.only?.split(',').map((name) => name.trim()) ?? [...BENCH_SECTIONS];
  const unknown = names.filter((name) => !isSection(name));
  if (unknown.length > 0 || names.length === 0)
    throw new BenchUsageError(
      `unknown bench section ${unknown.map((name) => `"${name}"`).join(', ') || '""'}: --only takes ${BENCH_SECTIONS.join(', ')} (comma-separated)`,
    );
  const sections = names.filter(isSection);
  return {
    sections,
    needsBuild: sections.some((section) => (BROWSER_SECTIONS as readonly string[]).includes(section)),
    searchSizes: sizesOf('search-sizes', values['search-sizes'], [bundledSize, 2_000, 20_000, 100_000]),
    librarySizes: sizesOf('library-sizes', values['library-sizes'], [200, 2_000, 10_000]),
  };
}
