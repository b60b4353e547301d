import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findFirefox } from './firefox-path';

/**
 * `npm run test:firefox`: builds Shelf for Firefox (production and e2e) and runs the Firefox suite
 * with Node's test runner, one file at a time (each starts its own Firefox). Without a Firefox it
 * says how to get one and succeeds, so `npm test` still runs on a machine without it.
 */
const repo = resolve(import.meta.dirname, '../..');
const firefox = findFirefox();
if (!firefox) {
  console.log(
    'Firefox suite skipped: no Firefox found. Install Firefox ESR (Debian/Ubuntu: `sudo apt-get install -y firefox-esr`) ' +
      'or set FIREFOX_PATH to a Firefox binary.',
  );
  process.exit(0);
}
const version = spawnSync(firefox, ['--version'], { encoding: 'utf8' }).stdout.trim();
console.log(`Firefox suite: ${version} (${firefox})`);

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: repo, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const bin = (name: string) => join(repo, 'node_modules/.bin', name);
run(bin('wxt'), ['build', '-b', 'firefox']);
run(bin('wxt'), ['build', '-b', 'firefox', '--mode', 'e2e']);
const files = readdirSync(import.meta.dirname)
  .filter((name) => name.endsWith('.test.ts'))
  .map((name) => join('tests/firefox', name));
run(process.execPath, [
  '--import',
  'tsx',
  '--test',
  '--test-concurrency=1',
  '--test-reporter=spec',
  '--test-timeout=240000',
  ...files,
]);
