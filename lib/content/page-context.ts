import { browser } from 'wxt/browser';

/**
 * The lifetime of a Shelf script in a web page. (WXT's content-script context announces every
 * script to the page with a DOM event named after the extension's id, and stops the script when
 * the page dispatches that event itself; the id of a store extension is public, so any page could
 * learn that Shelf is installed and stop it. Shelf's page scripts are plain scripts with this
 * context instead.) A script stops when `signal` aborts: once the extension is reloaded, updated
 * or removed, its API is gone, and the next look at `isInvalid` aborts it.
 */
export interface PageContext {
  readonly signal: AbortSignal;
  /** True once the script must stop acting (the extension is gone). */
  readonly isInvalid: boolean;
}

export function createPageContext(runtime: { id?: string } | undefined = browser.runtime): PageContext {
  const controller = new AbortController();
  return {
    signal: controller.signal,
    get isInvalid() {
      if (!controller.signal.aborted && !runtime?.id) controller.abort();
      return controller.signal.aborted;
    },
  };
}
