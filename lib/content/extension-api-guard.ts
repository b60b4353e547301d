/**
 * Imported first by every script Shelf runs in a web page, before anything reads the extension API.
 *
 * A page's elements are reachable as properties of `window` by their id or name, in a content
 * script's world too: with `<form id="browser"><input name="runtime" id="x"></form>` on the page,
 * `globalThis.browser.runtime.id` is "x", and webextension-polyfill (behind `wxt/browser`) takes
 * the form for Firefox's `browser` API and every call fails. A browser defines its real extension
 * API as an own property of the script's global object; a page element is only found further up
 * the prototype chain. So when `browser` is not an own property, this shadows it with `undefined`
 * — in the script's isolated world only, which the page never sees — and the polyfill wraps
 * `chrome` (an own property, which no element can shadow) as it should.
 */
const scriptGlobal = globalThis as { browser?: unknown };
if (!Object.hasOwn(scriptGlobal, 'browser')) {
  Object.defineProperty(scriptGlobal, 'browser', { value: undefined, writable: true, configurable: true });
}
