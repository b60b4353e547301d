// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuildCatalog } from '@/scripts/cli/build-catalog';

describe('npm run catalog', () => {
  it('without the upstream catalog, names the missing file and how to pass one, and writes nothing', () => {
    let stderr = '';
    let written = false;
    const status = runBuildCatalog(['/nonexistent/shared/corpus/articles.jsonl'], {
      stdout: () => {},
      stderr: (text) => {
        stderr += text;
      },
      write: () => {
        written = true;
      },
    });
    expect(status).toBe(2);
    expect(written).toBe(false);
    expect(stderr).toMatch(/\/nonexistent\/shared\/corpus\/articles\.jsonl/);
    expect(stderr).toMatch(/npm run catalog -- path\/to\/articles\.jsonl/);
    expect(stderr).toMatch(/SHELF_SHARED_DIR/);
    expect(stderr).not.toMatch(/^\s+at /m);
  });

  it('says a file that does not line up with the curation cannot be read, without a stack, and writes nothing', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'shelf-catalog-')), 'five.jsonl');
    writeFileSync(file, '{"title":"Only one"}\n');
    let stderr = '';
    let written = false;
    const status = runBuildCatalog([file], {
      stdout: () => {},
      stderr: (text) => {
        stderr += text;
      },
      write: () => {
        written = true;
      },
    });
    expect({ status, written }).toEqual({ status: 2, written: false });
    expect(stderr).toMatch(/cannot be read as the blog's catalog/);
    expect(stderr).toMatch(/lib\/corpus\/curation\.ts/);
    expect(stderr).not.toMatch(/^\s+at /m);
  });

  it('is given the path passed after -- (npm passes it to the last command of a script)', { timeout: 60_000 }, () => {
    let stderr = '';
    try {
      execFileSync('npm', ['run', '--silent', 'catalog', '--', '/nonexistent/elsewhere.jsonl'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      stderr = String((error as { stderr?: string }).stderr);
    }
    expect(stderr).toContain('The upstream catalog is missing: /nonexistent/elsewhere.jsonl');
  });
});
