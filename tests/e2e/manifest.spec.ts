import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { EXTENSION_DIR } from './fixtures';

test('the built Chrome manifest declares the four surfaces and asks for no all-sites access', () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  expect(manifest.manifest_version).toBe(3);
  expect(manifest.action.default_popup).toBe('popup.html');
  expect(manifest.side_panel.default_path).toBe('sidepanel.html');
  expect(manifest.background.service_worker).toBe('background.js');
  expect(manifest.content_scripts[0].matches).toEqual([
    'https://webcoderspeed.com/blog/*',
    'https://www.webcoderspeed.com/blog/*',
  ]);
  expect([...manifest.permissions].sort()).toEqual(['activeTab', 'contextMenus', 'scripting', 'sidePanel', 'storage']);
  // No host access up front; all sites only as optional permissions, requested when the user turns
  // "related articles on other sites" on.
  expect(manifest.host_permissions ?? []).toEqual([]);
  expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  expect(JSON.stringify(manifest.content_security_policy ?? '')).not.toMatch(/unsafe-eval|https?:/);
});
