import { describe, expect, it } from 'vitest';
import { type QueryCliIo, runQueryCli } from '@/scripts/cli/query';

/** Runs the CLI in-process (no Node to spawn, so no start-up time to wait for on a busy machine). */
async function run(
  args: string[],
  { stdin = '', openFile }: { stdin?: string; openFile?: QueryCliIo['openFile'] } = {},
) {
  const stdout: string[] = [];
  let stderr = '';
  const status = await runQueryCli(args, {
    stdout: (line) => stdout.push(line),
    stderr: (text) => {
      stderr += text;
    },
    stdin: [new TextEncoder().encode(stdin)],
    openFile,
  });
  return { status, stdout, stderr };
}

describe('query CLI (npm run --silent query -- search …)', () => {
  it('prints one JSON object with the results in rank order', async () => {
    const { status, stdout } = await run(['search', 'thundring herd', '--limit', '2']);
    expect(status).toBe(0);
    expect(stdout).toHaveLength(1);
    const out = JSON.parse(stdout[0]!);
    expect(out.query).toBe('thundring herd');
    expect(out.tookMs).toBeGreaterThanOrEqual(0);
    expect(out.results).toHaveLength(2);
    expect(Object.keys(out.results[0]).sort()).toEqual(['id', 'score', 'summary', 'title', 'url']);
    expect(out.results[0].id).toBe('thundering-herd-service-restart');
    expect(out.results[0].score).toBeGreaterThanOrEqual(out.results[1].score);
  });

  it('reads one query per line with --stdin and prints one object per line', async () => {
    const { status, stdout } = await run(['search', '--stdin', '--limit', '1'], { stdin: 'cache stampede\n\nN+1\n' });
    expect(status).toBe(0);
    expect(stdout.map((l) => JSON.parse(l).results[0].id)).toEqual([
      'cache-stampede-when-your-cache-fix-breaks-everything',
      'the-n-plus-1-query-problem-detect-it-and-fix-it-for-good',
    ]);
  });

  it('fails with usage on bad arguments', async () => {
    const { status, stdout, stderr } = await run(['search', 'x', '--limit', 'zero']);
    expect(status).toBe(2);
    expect(stdout).toEqual([]);
    expect(stderr).toMatch(/limit must be/);
    expect(stderr).toMatch(/^usage: /m);
  });
});
