import type { ImportLocks } from '@/lib/import/imports-under-way';

/**
 * Web Locks as the browser keeps them (jsdom has none): one holder per name, the others waiting in
 * turn. `close(name)` is the holder's page closing: the lock is let go, and its callback never ends.
 */
export function fakeWebLocks() {
  const tails = new Map<string, Promise<void>>();
  const held = new Map<string, () => void>();
  const locks: ImportLocks & { close(name: string): void; heldNames(): string[] } = {
    request(name, callback) {
      const before = tails.get(name) ?? Promise.resolve();
      let release: () => void = () => {};
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      tails.set(
        name,
        before.then(() => released),
      );
      return before.then(() => {
        held.set(name, release);
        void released.then(() => {
          if (held.get(name) === release) held.delete(name);
        });
        const result = callback();
        result.then(release, release);
        return result;
      });
    },
    close: (name) => held.get(name)?.(),
    heldNames: () => [...held.keys()],
  };
  return locks;
}
