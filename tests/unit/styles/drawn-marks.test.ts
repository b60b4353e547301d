import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Marks drawn with CSS alternative text (`content: "▸" / ""`, so a screen reader does not read them
 * into a control's name) are invalid before Firefox 128, which then drops the whole declaration and
 * the mark with it. The manifest sets no minimum Firefox version, so each such declaration follows
 * a plain `content` that those browsers keep.
 */
const STYLE_DIRS = ['components', 'entrypoints', 'assets'];

function cssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return cssFiles(path);
    return entry.name.endsWith('.css') ? [path] : [];
  });
}

/** The declarations of each rule's block, comments left out. */
function blocks(css: string): string[][] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  return [...text.matchAll(/\{([^{}]*)\}/g)].map((match) =>
    (match[1] ?? '')
      .split(';')
      .map((declaration) => declaration.trim())
      .filter(Boolean),
  );
}

const withAlternative = /^content\s*:\s*("[^"]*"|'[^']*')\s*\/\s*("[^"]*"|'[^']*')$/;

describe('marks drawn with alternative text', () => {
  const files = STYLE_DIRS.flatMap(cssFiles);

  it('are found (the check reads the styles it means to)', () => {
    const found = files
      .flatMap((file) => blocks(readFileSync(file, 'utf8')).flat())
      .filter((d) => withAlternative.test(d));
    expect(found.length).toBeGreaterThan(0);
  });

  it('each follow the same mark drawn plainly, for browsers without CSS alternative text', () => {
    const missing: string[] = [];
    for (const file of files) {
      for (const declarations of blocks(readFileSync(file, 'utf8'))) {
        declarations.forEach((declaration, index) => {
          const match = withAlternative.exec(declaration);
          if (!match) return;
          const plain = declarations
            .slice(0, index)
            .some((earlier) => earlier.replace(/\s+/g, ' ') === `content: ${match[1]}`);
          if (!plain) missing.push(`${file}: ${declaration}`);
        });
      }
    }
    expect(missing).toEqual([]);
  });
});
