import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { EXTENSION_DIR } from './fixtures';

test('the built Chrome manifest declares the four surfaces and asks for no all-sites access', () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  expect(manifest.manifest_version).toBe(3);
  // Chrome refuses to install Shelf where its side panel or offscreen document would not work.
  expect(manifest.minimum_chrome_version).toBe('116');
  expect(manifest.action.default_popup).toBe('popup.html');
  expect(manifest.side_panel.default_path).toBe('sidepanel.html');
  expect(manifest.background.service_worker).toBe('background.js');
  expect(manifest.content_scripts[0].matches).toEqual([
    'https://webcoderspeed.com/blog/*',
    'https://www.webcoderspeed.com/blog/*',
  ]);
  expect([...manifest.permissions].sort()).toEqual([
    'activeTab',
    'contextMenus',
    'offscreen',
    'scripting',
    'sidePanel',
    'storage',
  ]);
  // No host access up front; all sites only as optional permissions, requested when the user turns
  // "related articles on other sites" on.
  expect(manifest.host_permissions ?? []).toEqual([]);
  expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  expect(JSON.stringify(manifest.content_security_policy ?? '')).not.toMatch(/unsafe-eval|https?:/);
});

const FIREFOX_DIR = join(EXTENSION_DIR, '../firefox-mv2');
const readManifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

type Need = 'required' | 'optional' | '—';

/** The README's permission table: `permission` → what each browser's manifest should say. */
function readmePermissions(): Map<string, { chrome: Need; firefox: Need }> {
  const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
  const section = readme.split('## Permissions')[1]?.split('\n## ')[0] ?? '';
  const rows = new Map<string, { chrome: Need; firefox: Need }>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const name = /^`([^`]+)`$/.exec(cells[1] ?? '')?.[1];
    if (name) rows.set(name, { chrome: cells[2] as Need, firefox: cells[3] as Need });
  }
  return rows;
}

function manifestPermissions(manifest: Record<string, string[] | undefined>): Map<string, Need> {
  const needs = new Map<string, Need>();
  for (const name of [...(manifest.permissions ?? []), ...(manifest.host_permissions ?? [])])
    needs.set(name, 'required');
  for (const name of [...(manifest.optional_permissions ?? []), ...(manifest.optional_host_permissions ?? [])])
    needs.set(name, 'optional');
  return needs;
}

test('the README’s permission table matches the built Chrome and Firefox manifests exactly', () => {
  const table = readmePermissions();
  expect(table.size).toBeGreaterThan(4);
  for (const [browser, manifest] of [
    ['chrome', readManifest(EXTENSION_DIR)],
    ['firefox', readManifest(FIREFOX_DIR)],
  ] as const) {
    const expected = new Map(
      [...table].flatMap(([name, needs]) => (needs[browser] === '—' ? [] : [[name, needs[browser]]])),
    );
    expect(Object.fromEntries(manifestPermissions(manifest)), browser).toEqual(Object.fromEntries(expected));
  }
});

test('the Firefox build: the side panel is the sidebar, shortcuts use Firefox’s names, and it has a gecko id', () => {
  const manifest = readManifest(FIREFOX_DIR);
  expect(manifest.manifest_version).toBe(2);
  expect(manifest.sidebar_action.default_panel).toBe('sidepanel.html');
  expect(manifest.browser_action.default_popup).toBe('popup.html');
  expect(manifest.options_ui.page).toBe('options.html');
  expect(Object.keys(manifest.commands).sort()).toEqual([
    '_execute_browser_action',
    '_execute_sidebar_action',
    'save-page',
  ]);
  expect(manifest.browser_specific_settings.gecko.id).toBe('shelf@example.org');
  // Absent means Firefox's default (script-src 'self'): no eval, no remote code (README, "Security").
  expect(manifest.content_security_policy).toBeUndefined();
  expect(manifest.content_scripts[0].matches).toEqual(readManifest(EXTENSION_DIR).content_scripts[0].matches);
});

test('at most four suggested shortcuts, each with Ctrl or Alt, none shared', () => {
  for (const dir of [EXTENSION_DIR, FIREFOX_DIR]) {
    const keys = Object.values(
      readManifest(dir).commands as Record<string, { suggested_key: { default: string } }>,
    ).map((command) => command.suggested_key.default);
    expect(keys.length).toBeLessThanOrEqual(4);
    for (const key of keys) expect(key).toMatch(/^(Ctrl|Alt)\+/);
    expect(new Set(keys).size).toBe(keys.length);
  }
});

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1'), file).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('both builds have Shelf’s icon at every size the stores and toolbars use, and the toolbar button is titled', () => {
  for (const dir of [EXTENSION_DIR, FIREFOX_DIR]) {
    const manifest = readManifest(dir);
    const action = manifest.action ?? manifest.browser_action;
    expect(action.default_title, dir).toBe('Search Shelf');
    const icons: [string, string][] = [
      ...Object.entries(manifest.icons as Record<string, string>),
      ...Object.entries(action.default_icon as Record<string, string>),
      ...Object.entries((manifest.sidebar_action?.default_icon ?? {}) as Record<string, string>),
    ];
    expect(Object.keys(manifest.icons).sort(), dir).toEqual(['128', '16', '32', '48']);
    for (const [size, file] of icons)
      expect(pngSize(join(dir, file)), `${dir} ${file}`).toEqual({ width: Number(size), height: Number(size) });
  }
});
