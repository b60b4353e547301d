import { vi } from 'vitest';
import { browser } from 'wxt/browser';

/**
 * WXT's fake browser leaves `permissions` and `scripting` unimplemented: this gives them an
 * in-memory implementation (granted origins, registered scripts) for one test. Mocks are restored
 * after each test (`restoreMocks` in vitest.config.ts).
 */
export function fakePermissionsAndScripting({
  grantOnRequest = true,
  removesCovered = false,
  contentScriptSites = [],
}: {
  grantOnRequest?: boolean;
  /** As Chrome does: removing a pattern also withdraws every granted host it covers ("https://*\/*" a site's). */
  removesCovered?: boolean;
  /**
   * The manifest's content scripts' sites, as Chrome 156 treats them (probed with the built
   * extension): listed by `getAll`, not held for `contains`, never withdrawn by `remove`.
   */
  contentScriptSites?: readonly string[];
} = {}) {
  const granted = new Set<string>();
  const registered = new Map<string, { id: string; matches?: string[] }>();
  const originsOf = (request: { origins?: string[] }) => request.origins ?? [];
  vi.spyOn(browser.permissions, 'contains').mockImplementation(async (request) =>
    originsOf(request).every((origin) => granted.has(origin)),
  );
  vi.spyOn(browser.permissions, 'request').mockImplementation(async (request) => {
    if (!grantOnRequest) return false;
    for (const origin of originsOf(request)) granted.add(origin);
    return true;
  });
  /** Whether `pattern` covers `origin` (only "scheme://*\/*" is broader than itself here). */
  const covers = (pattern: string, origin: string) =>
    pattern === origin ||
    (removesCovered && /^https?:\/\/\*\/\*$/.test(pattern) && origin.startsWith(pattern.slice(0, -3)));
  vi.spyOn(browser.permissions, 'remove').mockImplementation(async (request) => {
    for (const pattern of originsOf(request))
      for (const origin of [...granted]) if (covers(pattern, origin)) granted.delete(origin);
    return true;
  });
  vi.spyOn(browser.permissions, 'getAll').mockImplementation(async () => ({
    permissions: [],
    origins: [...new Set([...granted, ...contentScriptSites])],
  }));
  vi.spyOn(browser.scripting, 'getRegisteredContentScripts').mockImplementation(
    async (filter) =>
      [...registered.values()].filter((script) => !filter?.ids || filter.ids.includes(script.id)) as never,
  );
  vi.spyOn(browser.scripting, 'registerContentScripts').mockImplementation(async (scripts) => {
    for (const script of scripts) registered.set(script.id, script);
  });
  vi.spyOn(browser.scripting, 'unregisterContentScripts').mockImplementation(async (filter) => {
    for (const id of filter?.ids ?? [...registered.keys()]) registered.delete(id);
  });
  const removedListeners: ((permissions: { origins?: string[] }) => void)[] = [];
  vi.spyOn(browser.permissions.onRemoved, 'addListener').mockImplementation((listener) => {
    removedListeners.push(listener as never);
  });
  /** The user revokes origins in the browser's settings. */
  const revoke = (origins: string[]) => {
    for (const origin of origins) granted.delete(origin);
    for (const listener of removedListeners) listener({ origins });
  };
  return { granted, registered, revoke };
}
