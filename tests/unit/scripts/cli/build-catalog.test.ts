// @vitest-environment node
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
});
