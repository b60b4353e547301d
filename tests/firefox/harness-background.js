// Added by the Firefox suite (tests/firefox/harness.ts) as the first background script of a copy of
// the built extension; never part of a build. Firefox's WebDriver BiDi may not navigate a tab to a
// moz-extension: page, and web pages may not open one, so the extension opens a blank page of its
// own that the tests drive (other extension pages are then opened from it). Context menu clicks
// cannot be dispatched from outside in Firefox, so the listeners Shelf registers are recorded here
// and called by the tests with the same arguments a click passes.
globalThis.shelfTestMenuListeners = [];
const onClicked = browser.contextMenus.onClicked;
const addListener = onClicked.addListener.bind(onClicked);
onClicked.addListener = (listener) => {
  globalThis.shelfTestMenuListeners.push(listener);
  return addListener(listener);
};
void browser.tabs.create({ url: browser.runtime.getURL('/test-hub.html') });
