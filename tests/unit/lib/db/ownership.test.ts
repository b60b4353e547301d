import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ShelfDatabase } from '@/lib/db/database';

const ROOT = join(import.meta.dirname, '../../../..');
const SCANNED = ['lib', 'components', 'entrypoints', 'scripts', 'tests'];
const OWNERS = ['lib/db/', 'tests/unit/lib/db/'];

function sourceFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'fixtures' || name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|tsx|mts)$/.test(name) ? [path] : [];
  });
}

/** Lines that reach a Dexie table directly (`db.items`, `database.captures`, `fresh.progress`…). */
export function findTableAccess(files: { path: string; text: string }[], tables: string[]): string[] {
  const access = new RegExp(
    `\\b\\w+\\.(${tables.join('|')})\\.(get|put|add|update|delete|where|orderBy|toArray|count|clear|bulk\\w+|hook|toCollection|limit|filter|each|modify)\\b`,
  );
  const named = new RegExp(`\\b(db|database)\\.(${tables.join('|')})\\b`);
  return files.flatMap(({ path, text }) =>
    OWNERS.some((owner) => path.startsWith(owner))
      ? []
      : text
          .split('\n')
          .flatMap((line, i) => (access.test(line) || named.test(line) ? [`${path}:${i + 1}: ${line.trim()}`] : [])),
  );
}

describe('lib/db owns the database', () => {
  const db = new ShelfDatabase('ownership-check');
  const tables = db.tables.map((table) => table.name);
  db.close();

  it('no file outside lib/db (and its tests) names a table', () => {
    const files = SCANNED.flatMap((dir) => sourceFiles(join(ROOT, dir))).map((path) => ({
      path: relative(ROOT, path),
      text: readFileSync(path, 'utf8'),
    }));
    expect(files.length).toBeGreaterThan(50);
    expect(findTableAccess(files, tables)).toEqual([]);
  });

  // A review found Dexie's liveQuery used in lib/reading-list: Dexie itself is lib/db's alone
  // (components subscribe to lib/db's reads through dexie-react-hooks).
  it('no file outside lib/db (and its tests) imports Dexie', () => {
    const importsDexie = /from ['"]dexie['"]/;
    const outside = ['lib', 'components', 'entrypoints']
      .flatMap((dir) => sourceFiles(join(ROOT, dir)))
      .map((path) => relative(ROOT, path))
      .filter((path) => !path.startsWith('lib/db/') && importsDexie.test(readFileSync(join(ROOT, path), 'utf8')));
    expect(outside).toEqual([]);
  });

  it('the check finds a table reached from outside, and allows it inside lib/db', () => {
    const files = [
      { path: 'components/x.tsx', text: 'const a = await db.items.toArray();' },
      { path: 'lib/search/y.ts', text: 'await fresh.captures.get(id);' },
      { path: 'lib/db/items.ts', text: 'await db.items.put(item);' },
    ];
    expect(findTableAccess(files, tables)).toEqual([
      'components/x.tsx:1: const a = await db.items.toArray();',
      'lib/search/y.ts:1: await fresh.captures.get(id);',
    ]);
  });
});
