// @vitest-environment node
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';

/** web-ext.config.ts as WXT loads it: afresh, with the given environment. */
async function loadConfig(env: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  return (await import('@/web-ext.config')).default;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('web-ext.config.ts (what npm run dev opens)', () => {
  it('loads without a Chromium: WXT reads it for every command, Firefox builds and npm ci included', async () => {
    const config = await loadConfig({ CHROME_PATH: '/nonexistent/chromium' });
    expect(config.chromiumArgs).toContain('--no-first-run');
  });

  it('says what is missing, and the Firefox way, only when dev mode opens Chromium', async () => {
    const config = await loadConfig({ CHROME_PATH: '/nonexistent/chromium' });
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => {
      throw new Error('exited');
    }) as never);
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => config.binaries?.chrome).toThrow('exited');
    expect(exit).toHaveBeenCalledWith(1);
    expect(error.mock.calls.join('\n')).toMatch(
      /CHROME_PATH is set to \/nonexistent\/chromium[\s\S]*npm run dev:firefox/,
    );
  });

  // Only Linux desktops depend on $DISPLAY / $WAYLAND_DISPLAY (macOS and Windows always have a
  // screen): the test stands on Linux wherever it runs, so it never skips.
  it('on Linux, runs Chromium headless when there is no display, and says so', async () => {
    const platform = Object.getOwnPropertyDescriptor(process, 'platform') as PropertyDescriptor;
    Object.defineProperty(process, 'platform', { ...platform, value: 'linux' });
    onTestFinished(() => {
      Object.defineProperty(process, 'platform', platform);
    });
    const headless = await loadConfig({ DISPLAY: '', WAYLAND_DISPLAY: '', CHROME_PATH: process.execPath });
    expect(headless.chromiumArgs).toContain('--headless=new');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(headless.binaries?.chrome).toBe(process.execPath);
    expect(warn.mock.calls.join('\n')).toMatch(/No display[\s\S]*xvfb-run -a npm run dev/);

    expect((await loadConfig({ DISPLAY: ':0', CHROME_PATH: process.execPath })).chromiumArgs).not.toContain(
      '--headless=new',
    );
    expect((await loadConfig({ DISPLAY: '', WAYLAND_DISPLAY: 'wayland-0' })).chromiumArgs).not.toContain(
      '--headless=new',
    );
  });
});
