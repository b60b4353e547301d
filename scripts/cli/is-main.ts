import { realpathSync } from 'node:fs';

/** True when the module at `filename` (its import.meta.filename) is the script Node was started with. */
export function isMainModule(filename: string): boolean {
  try {
    return realpathSync(process.argv[1] ?? '') === filename;
  } catch {
    return false;
  }
}
