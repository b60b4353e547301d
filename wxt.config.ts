import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // Our own code is imported explicitly (`@/lib/...`), never through auto-imports.
  imports: false,
  manifest: ({ browser }) => ({
    name: 'Shelf',
    description: 'Find, read and keep articles from a backend and AI engineering blog — offline, in your browser.',
    permissions: ['contextMenus', 'storage', 'activeTab', 'scripting', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    action: { default_title: 'Search Shelf' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'shelf@example.org', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
});
