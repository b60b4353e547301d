import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const run = (args: string[], input?: string) =>
  execFileSync('npx', ['tsx', 'scripts/cli/query.ts', ...args], { encoding: 'utf8', input, timeout: 30_000 });

describe('query CLI (npm run --silent query -- search …)', () => {
  it('prints one JSON object with the results in rank order', () => {
    const out = JSON.parse(run(['search', 'thundring herd', '--limit', '2']));
    expect(out.query).toBe('thundring herd');
    expect(out.tookMs).toBeGreaterThanOrEqual(0);
    expect(out.results).toHaveLength(2);
    expect(Object.keys(out.results[0]).sort()).toEqual(['id', 'score', 'summary', 'title', 'url']);
    expect(out.results[0].id).toBe('thundering-herd-service-restart');
    expect(out.results[0].score).toBeGreaterThanOrEqual(out.results[1].score);
  });

  it('reads one query per line with --stdin and prints one object per line', () => {
    const lines = run(['search', '--stdin', '--limit', '1'], 'cache stampede\n\nN+1\n').trim().split('\n');
    expect(lines.map((l) => JSON.parse(l).results[0].id)).toEqual([
      'cache-stampede-when-your-cache-fix-breaks-everything',
      'the-n-plus-1-query-problem-detect-it-and-fix-it-for-good',
    ]);
  });

  it('fails with usage on bad arguments', () => {
    expect(() => run(['search', 'x', '--limit', 'zero'])).toThrow(/limit must be/);
  });
});
