/**
 * Imported first by every script Shelf runs in a web page, before anything reads the extension API
 * or builds a schema.
 *
 * A page's elements are reachable as properties of `window` by their id or name, in a content
 * script's world too: with `<form id="browser"><input name="runtime" id="x"></form>` on the page,
 * `globalThis.browser.runtime.id` is "x", and webextension-polyfill (behind `wxt/browser`) takes
 * the form for Firefox's `browser` API and every call fails. Zod keeps its settings in globals it
 * creates when missing (`__zod_globalConfig`, `__zod_globalRegistry`): `<form
 * id="__zod_globalConfig"><input name="postProcessor"></form>` made every schema Shelf builds throw
 * ("i is not a function"), which stopped Shelf on the page and broke saving it. A browser defines
 * its real extension API as an own property of the script's global object; a page element is only
 * found further up the prototype chain. So each of these names that is not an own property is
 * shadowed with `undefined` — in the script's isolated world only, which the page never sees — and
 * the polyfill wraps `chrome` (an own property, which no element can shadow) and zod makes its own.
 */
export const GLOBALS_A_PAGE_COULD_CLOBBER = ['browser', '__zod_globalConfig', '__zod_globalRegistry'] as const;

const scriptGlobal = globalThis as Record<string, unknown>;
for (const name of GLOBALS_A_PAGE_COULD_CLOBBER) {
  if (!Object.hasOwn(scriptGlobal, name)) {
    Object.defineProperty(scriptGlobal, name, { value: undefined, writable: true, configurable: true });
  }
}
