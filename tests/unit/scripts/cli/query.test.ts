// @vitest-environment node
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { getBundledRelatedEngine } from '@/lib/related/bundled';
import { type QueryCliIo, runQueryCli } from '@/scripts/cli/query';
import { toJsonResult } from '@/scripts/eval/query-json';
import { markdownPageText, readDocPage } from '@/scripts/eval/related-docs';

/** Runs the CLI in-process (no Node to spawn, so no start-up time to wait for on a busy machine). */
async function run(
  args: string[],
  { stdin = '', openFile }: { stdin?: string | QueryCliIo['stdin']; openFile?: QueryCliIo['openFile'] } = {},
) {
  const stdout: string[] = [];
  let stderr = '';
  const status = await runQueryCli(args, {
    stdout: (line) => stdout.push(line),
    stderr: (text) => {
      stderr += text;
    },
    stdin: typeof stdin === 'string' ? [new TextEncoder().encode(stdin)] : stdin,
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

  it('stops quietly when its reader closes the pipe early (| head), with exit status 0', {
    timeout: 60_000,
  }, async () => {
    // The process itself: the pipe closing is the operating system's doing, not the in-process io's.
    // It used to die of an unhandled EPIPE, a stack trace and exit status 1.
    const child = spawn(
      process.execPath,
      ['node_modules/tsx/dist/cli.mjs', 'scripts/cli/query.ts', 'search', '--stdin'],
      {
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const firstLine = new Promise<string>((resolve) => {
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
        if (out.includes('\n')) {
          child.stdout.destroy(); // as `head -1` exits
          resolve(out.slice(0, out.indexOf('\n')));
        }
      });
    });
    child.stdin.on('error', () => {}); // the child may be gone before every line is written
    child.stdin.end(`${Array.from({ length: 2000 }, (_, n) => `idempotency ${n}`).join('\n')}\n`);
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(JSON.parse(await firstLine).query).toBe('idempotency 0');
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });

  it('fails with usage on bad arguments', async () => {
    const { status, stdout, stderr } = await run(['search', 'x', '--limit', 'zero']);
    expect(status).toBe(2);
    expect(stdout).toEqual([]);
    expect(stderr).toMatch(/limit must be/);
    expect(stderr).toMatch(/^usage: /m);
  });
});

describe('query CLI: bad usage and bad input get a message and exit status 2, never a stack', () => {
  const noStack = (stderr: string) => expect(stderr).not.toMatch(/^\s+at /m);

  it('names an unknown option', async () => {
    const { status, stdout, stderr } = await run(['search', 'cache', '--limt', '3']);
    expect(status).toBe(2);
    expect(stdout).toEqual([]);
    expect(stderr).toMatch(/--limt/);
    expect(stderr).toMatch(/^usage: /m);
    noStack(stderr);
  });

  it('names an option whose value is missing', async () => {
    const { status, stderr } = await run(['related', '--file']);
    expect(status).toBe(2);
    expect(stderr).toMatch(/--file/);
    noStack(stderr);
  });

  it('--help names the limits and the exit statuses', async () => {
    const { status, stdout } = await run(['--help']);
    expect(status).toBe(0);
    const help = stdout.join('\n');
    expect(help).toMatch(/1000 characters/);
    expect(help).toMatch(/16 MiB/);
    expect(help).toMatch(/UTF-8/);
    expect(help).toMatch(/exit status/i);
  });

  it('refuses a query longer than the cap, as an argument or a line of --stdin', async () => {
    const long = 'cache '.repeat(200);
    const argument = await run(['search', long]);
    expect(argument.status).toBe(2);
    expect(argument.stderr).toMatch(/longer than 1000 characters/);
    const lines = await run(['search', '--stdin'], { stdin: `cache\n${long}\nredis\n` });
    expect(lines.status).toBe(2);
    expect(lines.stdout).toHaveLength(1);
    expect(lines.stderr).toMatch(/line 2 .*longer than 1000 characters/);
  });

  it('stops reading --stdin that never ends a line, instead of holding it all', async () => {
    let pulled = 0;
    async function* endless() {
      for (;;) {
        pulled++;
        yield bytes('a'.repeat(4096));
      }
    }
    const { status, stderr } = await run(['search', '--stdin'], { stdin: endless() });
    expect(status).toBe(2);
    expect(stderr).toMatch(/line 1 .*longer than 1000 characters/);
    expect(pulled).toBe(1);
  });

  it('refuses binary input on --stdin', async () => {
    const { status, stdout, stderr } = await run(['search', '--stdin'], { stdin: 'cache\0\0\0\n' });
    expect(status).toBe(2);
    expect(stdout).toEqual([]);
    expect(stderr).toMatch(/not UTF-8 text/);
  });

  it('refuses a file with NUL bytes or invalid UTF-8, saying why', async () => {
    const nul = await run(['related', '--file', 'page.bin'], {
      openFile: () => chunks([bytes('<p>redis\0cache</p>')]),
    });
    expect(nul.status).toBe(2);
    expect(nul.stderr).toMatch(/page\.bin is not UTF-8 text/);
    const latin1 = await run(['related', '--file', 'page.txt'], {
      openFile: () => chunks([Uint8Array.of(0x63, 0x61, 0x66, 0xe9, 0x20, 0x63, 0x61, 0x63, 0x68, 0x65)]),
    });
    expect(latin1.status).toBe(2);
    expect(latin1.stderr).toMatch(/page\.txt is not UTF-8 text/);
  });

  it('stops reading a file at the 16 MiB cap and refuses it', async () => {
    const mib = bytes('redis cache '.repeat(87_382).slice(0, 1 << 20));
    let pulled = 0;
    async function* hugeFile() {
      for (let i = 0; i < 64; i++) {
        pulled += mib.byteLength;
        yield mib;
      }
    }
    const { status, stdout, stderr } = await run(['related', '--file', 'huge.txt'], { openFile: hugeFile });
    expect(status).toBe(2);
    expect(stdout).toEqual([]);
    expect(stderr).toMatch(/huge\.txt is larger than 16 MiB/);
    expect(pulled).toBeLessThanOrEqual(17 << 20);
  });

  it('refuses /dev/zero at once instead of reading it forever', async () => {
    const { status, stderr } = await run(['related', '--file', '/dev/zero']);
    expect(status).toBe(2);
    expect(stderr).toMatch(/\/dev\/zero is not UTF-8 text/);
  });

  it('says which file cannot be read', async () => {
    const { status, stderr } = await run(['related', '--file', '/nonexistent/page.html']);
    expect(status).toBe(2);
    expect(stderr).toMatch(/cannot read \/nonexistent\/page\.html/);
    noStack(stderr);
  });
});

function bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

async function* chunks(parts: Uint8Array[]) {
  yield* parts;
}

describe('query CLI: related --file', () => {
  it('compares at most the first 50,000 characters of a text file, as the extension does', async () => {
    const filler = 'plain words about gardening tomatoes and watering '.repeat(1_100).slice(0, 50_000);
    const tail = ' redis cache stampede thundering herd cache invalidation '.repeat(200);
    const open = (text: string) => () => chunks([bytes(text)]);
    const head = JSON.parse((await run(['related', '--file', 'a.txt'], { openFile: open(filler) })).stdout[0]!);
    const whole = JSON.parse((await run(['related', '--file', 'a.txt'], { openFile: open(filler + tail) })).stdout[0]!);
    expect(whole).toEqual({ ...head, tookMs: whole.tookMs });
    expect(head.matched).toBe(false);
  });

  const withoutTime = (stdout: string[]) => ({ ...JSON.parse(stdout[0]!), tookMs: 0 });
  const html = `<html><head><title>Cache stampede</title></head><body><main><h1>Cache stampede</h1>
    <p>When a hot key expires, every request misses the cache at once and hammers the database: a
    thundering herd. Request coalescing, a lock per key or probabilistic early expiration keep it off.</p>
    </main></body></html>`;
  const markdown = `---\ntitle: "Cache stampede"\ndescription: Keep a hot key's expiry from hammering the database\nkeywords: gardening, tomatoes, watering, compost, seedlings\n---\n\n${'Every request misses the cache at once when a hot key expires: a thundering herd on the database. '.repeat(3)}`;

  it('reads gzip-compressed files (as Debian ships manuals) as their uncompressed selves', async () => {
    for (const [name, text] of [
      ['page.html', html],
      ['page.md', markdown],
      ['page.txt', markdown],
    ] as const) {
      const plain = await run(['related', '--file', name], { openFile: () => chunks([bytes(text)]) });
      const gzipped = gzipSync(bytes(text));
      // Split between gzip's two magic bytes too, as a pipe may deliver them.
      for (const at of [1, 5]) {
        const compressed = await run(['related', '--file', `${name}.gz`], {
          openFile: () => chunks([gzipped.subarray(0, at), gzipped.subarray(at)]),
        });
        expect(compressed.status, name).toBe(0);
        expect(withoutTime(compressed.stdout), name).toEqual(withoutTime(plain.stdout));
      }
    }
    const page = JSON.parse(
      (await run(['related', '--file', 'page.html.gz'], { openFile: () => chunks([gzipSync(bytes(html))]) }))
        .stdout[0]!,
    );
    expect(page.matched).toBe(true);
    expect(page.results[0].id).toMatch(/stampede/);
  });

  it('reads a Markdown page as its site shows it: the front matter’s title and description, not its keywords', async () => {
    const { stdout } = await run(['related', '--file', 'page.md'], { openFile: () => chunks([bytes(markdown)]) });
    expect(withoutTime(stdout)).toEqual({
      matched: expect.any(Boolean),
      tookMs: 0,
      results: getBundledRelatedEngine().related(markdownPageText(markdown), { limit: 10 }).results.map(toJsonResult),
    });
    // As plain text the keywords (gardening) are words of the page: a different reading.
    const asText = await run(['related', '--file', 'page.txt'], { openFile: () => chunks([bytes(markdown)]) });
    expect(withoutTime(asText.stdout)).not.toEqual(withoutTime(stdout));
  });

  it('reads a Markdown page without its fenced code blocks, which the extension skips on the rendered page', () => {
    const page = markdownPageText(
      '# Docker commit\n\nCreate a new image from a container.\n\n```console\n$ docker ps\nc3f279d17e0a  ubuntu:24.04\n```\n\nThe image keeps the changes.\n\n~~~\nsha256:f5283438590d\n~~~\n',
    );
    expect(page.title).toBe('Docker commit');
    expect(page.text).toBe('# Docker commit Create a new image from a container. The image keeps the changes.');
    // Indented in a list item, closed by a longer fence, holding a shorter one: all code.
    expect(markdownPageText('1. Run it:\n\n   ````sh\n   ```\n   docker run\n   ``````\n\nDone.').text).toBe(
      '1. Run it: Done.',
    );
    // Backticks in the info string make a paragraph, not a fence.
    expect(markdownPageText('```docker run``` starts one.\n\nMore.\n\n```\ncode\n```').text).toBe(
      '```docker run``` starts one. More.',
    );
    // A fence never closed stays text (a choice: CommonMark would run it to the end of the page).
    expect(markdownPageText('Intro\n\n```\nnot closed').text).toBe('Intro ``` not closed');
  });

  it('refuses a gzip file that is cut off, or that decompresses past the 16 MiB cap, saying why', async () => {
    const cut = gzipSync(bytes(html)).subarray(0, 30);
    const broken = await run(['related', '--file', 'page.html.gz'], { openFile: () => chunks([cut]) });
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/page\.html\.gz starts like a gzip file but cannot be decompressed/);
    expect(broken.stderr).not.toMatch(/^\s+at /m);
    // 17 MiB of spaces compress to about 17 KiB.
    const bomb = gzipSync(new Uint8Array(17 << 20).fill(0x20));
    const big = await run(['related', '--file', 'bomb.txt.gz'], { openFile: () => chunks([bomb]) });
    expect(big.status).toBe(2);
    expect(big.stderr).toMatch(/bomb\.txt\.gz decompresses to more than 16 MiB/);
    expect(big.stdout).toEqual([]);
  });

  const dockerStats = '/usr/share/doc/docker-doc/reference/commandline/stats.md.gz';
  it.skipIf(!existsSync(dockerStats))(
    existsSync(dockerStats)
      ? 'answers for a manual page as Debian ships it as `npm run eval` does (Docker’s stats.md.gz)'
      : `skipped: ${dockerStats} is not installed (apt-get install -y docker-doc)`,
    async () => {
      const { status, stdout } = await run(['related', '--file', dockerStats]);
      expect(status).toBe(0);
      const expected = getBundledRelatedEngine().related(readDocPage(dockerStats)!, { limit: 10 });
      expect(withoutTime(stdout)).toEqual({
        matched: expected.matched,
        tookMs: 0,
        results: expected.results.map(toJsonResult),
      });
    },
  );
});

describe('query CLI over a library folder (npm run --silent query -- library --dir PATH search …)', () => {
  const folder = () => {
    const dir = mkdtempSync(join(tmpdir(), 'shelf-library-'));
    const filler = '<p>The committee met on Tuesday to discuss the budget and the schedule for the coming year.</p>';
    writeFileSync(
      join(dir, 'aid.html'),
      `<html><head><title>Aid agencies warn of famine</title></head><body><article><h1>Aid agencies warn of famine</h1>${filler.repeat(30)}<p>Relief convoys finally reached the camps of North Darfur after weeks of talks.</p>${filler.repeat(5)}</article></body></html>`,
    );
    mkdirSync(join(dir, 'kitchen'));
    writeFileSync(
      join(dir, 'kitchen', 'bread.htm'),
      `<html><head><title>Weekend baking</title></head><body><article><h1>Weekend baking</h1>${filler.repeat(10)}<p>Feed the sourdough starter twice a day.</p></article></body></html>`,
    );
    return dir;
  };

  it('indexes the folder as saved pages and answers with why and a snippet', async () => {
    const dir = folder();
    try {
      const { status, stdout } = await run(['library', '--dir', dir, 'search', 'darfru convoys']);
      expect(status).toBe(0);
      const out = JSON.parse(stdout[0]!);
      expect(out.results).toHaveLength(1);
      expect(out.results[0]).toMatchObject({ title: 'Aid agencies warn of famine', reasons: ['text'] });
      expect(out.results[0].snippet).toContain('Relief convoys finally reached the camps of North Darfur');
      const none = await run(['library', '--dir', dir, 'search', 'chess opening for black']);
      expect(JSON.parse(none.stdout[0]!).results).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds a page by its site name and byline, read as the extension reads them when it saves', async () => {
    const dir = folder();
    const filler = '<p>The server list grew every week, and the moderators kept a close eye on it.</p>';
    writeFileSync(
      join(dir, 'minecraft.html'),
      `<html><head><title>Minecraft exploit crashes servers</title><meta property="og:site_name" content="Ars Technica"><meta name="author" content="Dan Goodin"></head><body><article><h1>Minecraft exploit crashes servers</h1>${filler.repeat(20)}</article></body></html>`,
    );
    try {
      const answer = async (query: string) =>
        JSON.parse((await run(['library', '--dir', dir, 'search', query])).stdout[0]!).results;
      expect(await answer('dan goodin')).toMatchObject([
        { title: 'Minecraft exploit crashes servers', reasons: ['author'] },
      ]);
      expect(await answer('ars technica')).toMatchObject([
        { title: 'Minecraft exploit crashes servers', reasons: ['site'] },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says what is wrong with the folder or the call', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'shelf-library-'));
    try {
      expect((await run(['library', '--dir', empty, 'search', 'x'])).stderr).toMatch(/holds no HTML files/);
      expect((await run(['library', 'search', 'x'])).stderr).toMatch(/library needs --dir PATH/);
      expect((await run(['library', '--dir', join(empty, 'missing'), 'search', 'x'])).stderr).toMatch(/cannot read/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
