import { defineConfig, type WxtViteConfig } from 'wxt';
import { BLOG_ARTICLE_PATTERNS } from './lib/content/blog-pages';

type VitePlugin = NonNullable<WxtViteConfig['plugins']>[number];

/**
 * Writes the popup's stylesheet into popup.html: every file the popup fetches before its first
 * paint delays it, and extension pages may carry inline styles (their CSP limits scripts only).
 */
function inlinePopupStylesheet(): VitePlugin {
  return {
    name: 'shelf:inline-popup-stylesheet',
    transformIndexHtml: {
      order: 'post',
      handler(html, { path, bundle }) {
        if (!path.endsWith('/popup/index.html') || !bundle) return html;
        return html.replace(/<link rel="stylesheet"[^>]*href="\/([^"]+\.css)"[^>]*>/g, (tag, file: string) => {
          const asset = bundle[file];
          if (asset?.type !== 'asset') return tag;
          const css = typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source);
          return `<style>${css}</style>`;
        });
      },
    },
  };
}

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // Our own code is imported explicitly (`@/lib/...`), never through auto-imports.
  imports: false,
  // Chrome and Firefox support <link rel="modulepreload">: no polyfill (one file fewer on every page).
  vite: () => ({ build: { modulePreload: { polyfill: false } }, plugins: [inlinePopupStylesheet()] }),
  // The icons (drawn by `npm run icons`): WXT lists public/icon/<size>.png as the manifest's icons.
  publicDir: 'assets/public',
  manifest: ({ browser, mode }) => ({
    name: 'Shelf',
    description: 'Find, read and keep articles from a backend and AI engineering blog — offline, in your browser.',
    permissions: [
      'contextMenus',
      'storage',
      'activeTab',
      'scripting',
      // Chrome's service worker has no DOM: links saved unopened are read in an offscreen document.
      ...(browser === 'firefox' ? [] : ['sidePanel', 'offscreen']),
    ],
    // Chrome 116: the side panel's open() and the offscreen document's hasDocument() (the README's floor).
    ...(browser === 'firefox' ? {} : { minimum_chrome_version: '116' }),
    // The toolbar button's title and icon are the popup's (<title>, manifest.default_icon in its
    // index.html): WXT writes them into action (Chrome) and browser_action (Firefox) alike.
    // Three shortcuts (browsers allow four suggested keys); Alt+Shift+letter clashes with neither
    // browser's own. Users rebind them at chrome://extensions/shortcuts or about:addons.
    commands: {
      // Firefox's MV2 build names the popup's command after browser_action.
      [browser === 'firefox' ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+F' },
        description: 'Search Shelf',
      },
      ...(browser === 'firefox'
        ? {
            _execute_sidebar_action: { suggested_key: { default: 'Alt+Shift+L' }, description: 'Open Shelf’s sidebar' },
          }
        : { 'open-side-panel': { suggested_key: { default: 'Alt+Shift+L' }, description: 'Open Shelf’s side panel' } }),
      'save-page': { suggested_key: { default: 'Alt+Shift+S' }, description: 'Save this page to Shelf' },
    },
    // The blog's box (entrypoints/blog-article): a plain script listed here rather than a WXT
    // content script, which a page could stop (see lib/content/page-context.ts).
    content_scripts: [
      {
        matches: BLOG_ARTICLE_PATTERNS,
        js: ['blog-article.js'],
      },
    ],
    // Related articles on any site is opt-in: these are requested when the user turns it on.
    // (Manifest V2, Firefox's build, lists them among the optional permissions.)
    ...(browser === 'firefox'
      ? { optional_permissions: ['https://*/*', 'http://*/*'] }
      : { optional_host_permissions: ['https://*/*', 'http://*/*'] }),
    // The e2e build (`wxt build --mode e2e`, output .output/chrome-mv3-e2e) grants 127.0.0.1 up
    // front, as if the user had turned the feature on: a headless test cannot click a browser prompt.
    // It also grants the blog's host, which "Update articles from the blog" asks for.
    ...(mode === 'e2e'
      ? { host_permissions: ['http://127.0.0.1/*', 'https://webcoderspeed.com/*', 'https://www.webcoderspeed.com/*'] }
      : {}),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'shelf@example.org', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
});
