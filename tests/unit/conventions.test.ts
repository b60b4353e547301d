// @vitest-environment node
/**
 * The house rules of the source tree (README, Layout), checked by reading the files. Each rule also
 * runs over a small tree that breaks it and one that keeps it, so a rule that stopped catching
 * anything fails here too. To add a rule, add one entry to RULES.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, posix, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** A file of the repository: its path from the root (with `/`) and, for code, its text. */
interface SourceFile {
  path: string;
  text: string;
}

interface Violation {
  file: string;
  problem: string;
  line?: number;
}

interface Rule {
  name: string;
  check(files: readonly SourceFile[]): Violation[];
  /** Every file here breaks the rule: each must be reported. */
  broken: SourceFile[];
  /** Files that keep the rule (near misses included): none may be reported. */
  kept: SourceFile[];
  /** Violations the tree still has, each with the issue that removes it. An entry that no longer occurs fails. */
  knownExceptions?: Violation[];
}

const ROOT = resolve(import.meta.dirname, '../..');
const SOURCE_DIRS = ['lib', 'components', 'entrypoints', 'scripts', 'tests'];
const SKIPPED_DIRS = new Set(['tests/fixtures', 'node_modules']);
const CODE = /\.(ts|tsx|mts|js|mjs)$/;

function readSourceTree(): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(path)) walk(path);
      } else {
        files.push({ path, text: CODE.test(path) ? readFileSync(join(ROOT, path), 'utf8') : '' });
      }
    }
  };
  for (const dir of SOURCE_DIRS) walk(dir);
  return files;
}

interface Import {
  specifier: string;
  line: number;
}

/** Static imports and re-exports (also multi-line ones), side-effect imports and `import('…')`. */
function importsOf(file: SourceFile): Import[] {
  const patterns = [
    /^\s*(?:import|export)\s+(?:type\s+)?[\w$*{},\s]*?\s*from\s*['"]([^'"]+)['"]/gm,
    /^\s*import\s*['"]([^'"]+)['"]/gm,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
    /^\/\/\/\s*<reference\s+types=['"]([^'"]+)['"]/gm,
  ];
  return patterns.flatMap((pattern) =>
    [...file.text.matchAll(pattern)].map((match) => ({
      specifier: match[1] as string,
      line: file.text.slice(0, match.index).split('\n').length,
    })),
  );
}

/** The repository path an import points at (without extension), or null for a package. */
function importTarget(from: string, specifier: string): string | null {
  const aliased = /^(?:@@|~~|@|~)\/(.*)$/.exec(specifier);
  if (aliased) return posix.normalize(aliased[1] as string);
  if (specifier.startsWith('.')) return posix.join(posix.dirname(from), specifier);
  return null;
}

const isNodeBuiltin = (specifier: string) =>
  specifier.startsWith('node:') || specifier === 'node' || builtinModules.includes(specifier.split('/')[0] as string);

const under = (dir: string) => (file: SourceFile) => file.path.startsWith(`${dir}/`);

/** Which entrypoint a path under entrypoints/ belongs to: its top-level file or folder. */
const entrypointOf = (path: string) => path.split('/')[1];

const WXT_ENTRYPOINT_FILE = /^export default define(Background|ContentScript|UnlistedScript)\(/m;

/** A check that reports each import, by a file under `dir`, that `forbidden` names (it returns what is imported). */
const forbiddenImports =
  (dir: string, forbidden: (file: SourceFile, specifier: string) => string | false | undefined) =>
  (files: readonly SourceFile[]): Violation[] =>
    files.filter(under(dir)).flatMap((file) =>
      importsOf(file).flatMap(({ specifier, line }) => {
        const what = forbidden(file, specifier);
        return what ? [{ file: file.path, line, problem: `imports ${what}` }] : [];
      }),
    );

/**
 * What loads with an entry: the files it imports at run time (not `import type`, not a list of
 * types alone), and theirs, through the whole graph.
 */
function loadedWith(entry: string, files: readonly SourceFile[]): SourceFile[] {
  const byPath = new Map(files.map((file) => [file.path, file]));
  const find = (target: string) =>
    ['', '.ts', '.tsx', '/index.ts'].map((ending) => byPath.get(`${target}${ending}`)).find(Boolean);
  const loaded: SourceFile[] = [];
  const seen = new Set<string>();
  const visit = (file: SourceFile | undefined) => {
    if (!file || seen.has(file.path)) return;
    seen.add(file.path);
    loaded.push(file);
    for (const { specifier } of runtimeImportsOf(file)) {
      const target = importTarget(file.path, specifier);
      if (target) visit(find(target));
    }
  };
  visit(byPath.get(entry));
  return loaded;
}

/**
 * `importsOf`, without `import type` and `export type` statements, which the compiler drops. An
 * import whose braces hold types alone (`import { type A } from …`) stays: with
 * `verbatimModuleSyntax` it still loads the module.
 */
function runtimeImportsOf(file: SourceFile): Import[] {
  const typeStatement = /^\s*(?:import|export)\s+type\s+[\w$*{},\s]*?\s*from\s*['"][^'"]+['"]/gm;
  // Blanked, not removed: the lines of what is left keep their numbers.
  const text = file.text.replace(typeStatement, (statement) => statement.replace(/[^\n]/g, ' '));
  return importsOf({ ...file, text });
}

/** Modules the popup's first-paint script must not load: each cost milliseconds before the first paint. */
const HEAVY_FOR_FIRST_PAINT = new Set([
  'zod',
  'zod/mini',
  'wxt/browser',
  'webextension-polyfill',
  'lib/settings/preferences',
]);

const RULES: Rule[] = [
  {
    name: 'the popup’s first-paint script loads no Zod, no polyfill and no preferences module (11 ms of script before its paint)',
    check: (files) =>
      loadedWith('entrypoints/popup-first-paint.ts', files).flatMap((file) =>
        runtimeImportsOf(file)
          .filter(({ specifier }) => HEAVY_FOR_FIRST_PAINT.has(importTarget(file.path, specifier) ?? specifier))
          .map(({ specifier, line }) => ({
            file: file.path,
            line,
            problem: `loads ${specifier} before the first paint`,
          })),
      ),
    broken: [
      {
        path: 'entrypoints/popup-first-paint.ts',
        text: "import { read } from '@/lib/popup/read';\nimport { z } from 'zod/mini';\n",
      },
      {
        path: 'lib/popup/read.ts',
        text: "import { paint } from './paint';\nimport { PREFERENCES } from '@/lib/settings/preferences';\n",
      },
      {
        path: 'lib/popup/paint.tsx',
        text: "import {\n  browser,\n  type Browser,\n} from 'wxt/browser';\nimport { keys } from './keys.ts';\n",
      },
      // Types alone in braces still load the module (verbatimModuleSyntax); so does an import() after a type import.
      {
        path: 'lib/popup/keys.ts',
        text: "import { type Browser } from 'wxt/browser';\nimport { late } from './late';\n",
      },
      { path: 'lib/popup/late.ts', text: "import type { A } from './a'; const load = () => import('zod');\n" },
    ],
    kept: [
      {
        path: 'entrypoints/popup-first-paint.ts',
        text: "import type { Theme } from '@/lib/settings/preferences';\nimport { read } from '@/lib/popup/read';\n",
      },
      {
        path: 'lib/popup/read.ts',
        text: "import type { Browser, Runtime as R } from 'wxt/browser';\nexport type { z } from 'zod';\n",
      },
      { path: 'lib/popup/app.ts', text: "import { z } from 'zod/mini';\nimport { browser } from 'wxt/browser';\n" },
    ],
  },
  {
    name: 'lib/ imports no Node built-ins (it runs in the browser)',
    check: forbiddenImports('lib', (_, specifier) => isNodeBuiltin(specifier) && specifier),
    broken: [
      { path: 'lib/a/read.ts', text: "import { readFileSync } from 'node:fs';\n" },
      { path: 'lib/a/join.ts', text: "import type {\n  ParsedPath,\n} from 'path';\n" },
      { path: 'lib/a/lazy.ts', text: "export const load = () => import('node:zlib');\n" },
      { path: 'lib/a/types.ts', text: '/// <reference types="node" />\n' },
    ],
    kept: [
      {
        path: 'lib/a/ok.ts',
        text: "import { z } from 'zod';\nimport { x } from '@/lib/b/x';\n// node:fs is not used\n",
      },
      { path: 'scripts/cli/read.ts', text: "import { readFileSync } from 'node:fs';\n" },
    ],
  },
  {
    name: 'lib/ imports nothing from components/, entrypoints/, scripts/ or tests/',
    check: forbiddenImports(
      'lib',
      (file, specifier) =>
        /^(components|entrypoints|scripts|tests)\//.test(importTarget(file.path, specifier) ?? '') && specifier,
    ),
    broken: [
      { path: 'lib/a/card.ts', text: "import { ArticleCard } from '@/components/article-card';\n" },
      { path: 'lib/a/server.ts', text: "import { startFixtureServer } from '../../tests/e2e/fixture-server';\n" },
      { path: 'lib/a/eval.ts', text: "export { evaluate } from '~/scripts/eval/metrics';\n" },
      { path: 'lib/a/popup.ts', text: "import type { PopupApp } from '@/entrypoints/popup/popup-app';\n" },
    ],
    kept: [
      { path: 'lib/a/ok.ts', text: "import { search } from '@/lib/search/engine';\nimport { x } from '../b/x';\n" },
      { path: 'components/a.tsx', text: "import { search } from '@/lib/search/engine';\n" },
    ],
  },
  {
    name: 'extension code loads Zod through lib/zod only (jitless there: no eval under the CSP of extension pages)',
    check: (files) =>
      files
        .filter((file) => ['lib', 'components', 'entrypoints'].some((dir) => under(dir)(file)))
        .filter((file) => !under('lib/zod')(file))
        .flatMap((file) =>
          runtimeImportsOf(file)
            .filter(({ specifier }) => specifier === 'zod' || specifier.startsWith('zod/'))
            .map(({ specifier, line }) => ({ file: file.path, line, problem: `imports ${specifier}` })),
        ),
    broken: [
      { path: 'lib/a/schema.ts', text: "import { z } from 'zod';\n" },
      { path: 'components/a.tsx', text: "import { z } from 'zod/mini';\n" },
      { path: 'entrypoints/popup/a.ts', text: "const load = () => import('zod');\n" },
    ],
    kept: [
      { path: 'lib/zod/classic.ts', text: "import { z } from 'zod';\n" },
      {
        path: 'lib/a/schema.ts',
        text: "import { z } from '@/lib/zod/classic';\nimport type { ZodType } from 'zod';\n",
      },
      { path: 'scripts/a.ts', text: "import { z } from 'zod';\n" },
    ],
  },
  {
    name: "an entrypoint imports no other entrypoint's files",
    check: forbiddenImports('entrypoints', (file, specifier) => {
      const target = importTarget(file.path, specifier);
      return target?.startsWith('entrypoints/') && entrypointOf(target) !== entrypointOf(file.path) && target;
    }),
    broken: [
      { path: 'entrypoints/options/main.tsx', text: "import { SettingsView } from '../sidepanel/settings-view';\n" },
      { path: 'entrypoints/popup-first-paint.ts', text: "import { paint } from './popup/paint';\n" },
      { path: 'entrypoints/background.ts', text: "import { x } from '@/entrypoints/blog.content/x';\n" },
    ],
    kept: [
      { path: 'entrypoints/popup/main.ts', text: "import { mount } from './mount-popup';\n" },
      { path: 'entrypoints/sidepanel/a.tsx', text: "import { b } from '@/entrypoints/sidepanel/b';\n" },
    ],
  },
  {
    name: 'entrypoints/ holds only entrypoints: WXT builds every file there into the extension',
    check: (files) => {
      const entries = files.filter(under('entrypoints'));
      const looseFiles = entries
        .filter((file) => file.path.split('/').length === 2)
        .filter((file) => !file.path.endsWith('.html') && !WXT_ENTRYPOINT_FILE.test(file.text))
        .map((file) => ({ file: file.path, problem: 'is not an entrypoint (no `export default define…(`)' }));
      const hasIndex = (folder: string) =>
        entries.some((f) => /^index\.(html|ts|tsx)$/.test(f.path.slice(`entrypoints/${folder}/`.length)));
      const inLooseFolders = entries
        .filter((file) => file.path.split('/').length > 2 && !hasIndex(entrypointOf(file.path) as string))
        .map((file) => ({ file: file.path, problem: 'is in a folder without index.html or index.ts' }));
      return [...looseFiles, ...inLooseFolders];
    },
    broken: [
      { path: 'entrypoints/helpers.ts', text: 'export function helper() {}\n' },
      { path: 'entrypoints/page.ts', text: '// export default defineUnlistedScript(() => 1);\n' },
      { path: 'entrypoints/shared/format.ts', text: 'export default defineUnlistedScript(() => 1);\n' },
    ],
    kept: [
      { path: 'entrypoints/background.ts', text: 'export default defineBackground(() => {});\n' },
      { path: 'entrypoints/page-text.ts', text: 'export default defineUnlistedScript(() => 1);\n' },
      { path: 'entrypoints/popup/index.html', text: '' },
      { path: 'entrypoints/popup/popup-app.tsx', text: 'export function PopupApp() {}\n' },
      { path: 'entrypoints/blog.content/index.ts', text: 'export default defineContentScript({});\n' },
    ],
  },
];

const tree = readSourceTree();
const key = (v: Violation) => `${v.file}: ${v.problem}`; // no line: edits above an exception keep it

describe.each(RULES)('$name', (rule) => {
  it('holds in the source tree', () => {
    const known = new Set((rule.knownExceptions ?? []).map(key));
    const violations = rule.check(tree).filter((v) => !known.has(key(v)));
    expect(violations.map((v) => `${key(v)}${v.line ? ` (line ${v.line})` : ''}`)).toEqual([]);
  });

  it('reports every file of a tree that breaks it and none of a tree that keeps it', () => {
    const reported = new Set(rule.check(rule.broken).map((v) => v.file));
    expect([...reported].sort()).toEqual(rule.broken.map((f) => f.path).sort());
    expect(rule.check(rule.kept)).toEqual([]);
  });

  const exceptions = rule.knownExceptions;
  if (exceptions)
    it('lists only exceptions that still occur (remove one once it is fixed)', () => {
      const found = new Set(rule.check(tree).map(key));
      expect(exceptions.map(key).filter((k) => !found.has(k))).toEqual([]);
    });
});
