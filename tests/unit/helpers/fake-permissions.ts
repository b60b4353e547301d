import { vi } from 'vitest';
import { browser } from 'wxt/browser';

/**
 * WXT's fake browser leaves `permissions` and `scripting` unimplemented: this gives them an
 * in-memory implementation (granted origins, registered scripts) for one test. Mocks are restored
 * after each test (`restoreMocks` in vitest.config.ts).
 */
export function fakePermissionsAndScripting({ grantOnRequest = true } = {}) {
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
  vi.spyOn(browser.permissions, 'remove').mockImplementation(async (request) => {
    for (const origin of originsOf(request)) granted.delete(origin);
    return true;
  });
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
