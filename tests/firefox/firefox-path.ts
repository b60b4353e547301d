import { existsSync } from 'node:fs';

const SYSTEM_FIREFOXES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

/** The Firefox the Firefox suite drives: $FIREFOX_PATH, else Debian's Firefox ESR, else a system Firefox. */
export function findFirefox(): string | undefined {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`FIREFOX_PATH is set to ${fromEnv}, but no file is there.`);
    return fromEnv;
  }
  return SYSTEM_FIREFOXES.find((path) => existsSync(path));
}
