import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The house rules of issue #13 that are about size: entrypoints only wire (each file at most 40
 * lines: mount the app, apply the theme), and a component is small enough to read at once (at most
 * 150 lines). Logic goes to `lib/`, state to hooks in `components/hooks/`, markup to `components/`.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const MAX_ENTRYPOINT_LINES = 40;
const MAX_COMPONENT_LINES = 150;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function lineCount(path: string): number {
  return readFileSync(path, 'utf8').replace(/\n$/, '').split('\n').length;
}

const overLimit = (paths: readonly string[], limit: number) =>
  paths
    .map((path) => ({ file: relative(ROOT, path), lines: lineCount(path) }))
    .filter(({ lines }) => lines > limit)
    .map(({ file, lines }) => `${file}: ${lines} lines`);

describe('layout', () => {
  const entrypointFiles = filesUnder(join(ROOT, 'entrypoints'));

  it(`no file in entrypoints/ is over ${MAX_ENTRYPOINT_LINES} lines`, () => {
    expect(entrypointFiles.length).toBeGreaterThan(5);
    expect(overLimit(entrypointFiles, MAX_ENTRYPOINT_LINES)).toEqual([]);
  });

  it(`no component (components/**/*.tsx) is over ${MAX_COMPONENT_LINES} lines`, () => {
    const components = filesUnder(join(ROOT, 'components')).filter((path) => path.endsWith('.tsx'));
    expect(components.length).toBeGreaterThan(10);
    expect(overLimit(components, MAX_COMPONENT_LINES)).toEqual([]);
  });

  it('no entrypoint imports from another entrypoint’s folder', () => {
    const crossing = entrypointFiles
      .filter((path) => /\.(ts|tsx)$/.test(path))
      .flatMap((path) => {
        const own = relative(join(ROOT, 'entrypoints'), path).split('/')[0];
        const imports = [...readFileSync(path, 'utf8').matchAll(/from\s+'([^']+)'|import\s*\(?\s*'([^']+)'/g)];
        return imports
          .map((match) => match[1] ?? match[2] ?? '')
          .filter((spec) => {
            const target = spec.startsWith('@/entrypoints/')
              ? spec.slice('@/entrypoints/'.length)
              : spec.startsWith('.')
                ? relative(join(ROOT, 'entrypoints'), resolve(path, '..', spec))
                : null;
            return target !== null && target.split('/')[0] !== own;
          })
          .map((spec) => `${relative(ROOT, path)} imports ${spec}`);
      });
    expect(crossing).toEqual([]);
  });
});
