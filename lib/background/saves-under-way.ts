import { getPreference, PREFERENCES, setPreference } from '@/lib/settings/preferences';
import { setSidePanelView } from '@/lib/side-panel/view';

/**
 * Saves the menu and the shortcut start, listed while they run, so that a service worker stopped in
 * the middle of one (a crash, the browser reclaiming it) is said when it next starts: the side panel
 * showed nothing at all. (An update of Shelf empties session storage, and the list with it.) (The popup hears it from the message channel: lib/messaging/client.ts.)
 */
const THIS_WORKER = crypto.randomUUID();

// One change at a time: two saves started together would each write the list as they read it.
let changes: Promise<unknown> = Promise.resolve();
function changeList(
  change: (list: { id: string; title: string; worker: string }[]) => { id: string; title: string; worker: string }[],
) {
  const next = changes.then(async () => {
    const list = await getPreference(PREFERENCES.savesUnderWay);
    const changed = change(list);
    // Nothing to write (the side panel asks at every opening): no write.
    if (changed.length !== list.length || changed.some((entry, at) => entry !== list[at]))
      await setPreference(PREFERENCES.savesUnderWay, changed);
  });
  changes = next.catch(() => {});
  return next;
}

/** Runs `save`, listed as under way for as long as it runs. */
export async function whileSaving<T>(title: string, save: () => Promise<T>): Promise<T> {
  const id = crypto.randomUUID();
  // Bookkeeping only: a list that cannot be written never stops the save.
  await changeList((list) => [...list, { id, title: title.slice(0, 300), worker: THIS_WORKER }].slice(-100)).catch(
    () => {},
  );
  try {
    return await save();
  } finally {
    await changeList((list) => list.filter((entry) => entry.id !== id)).catch(() => {});
  }
}

/**
 * At the worker's start (and when the side panel opens, which wakes it): saves an earlier worker left
 * under way were cut short; the side panel says so. True when there were some.
 */
export async function reportSavesCutShort(): Promise<boolean> {
  let cutShort: { title: string }[] = [];
  await changeList((list) => {
    cutShort = list.filter((entry) => entry.worker !== THIS_WORKER);
    return list.filter((entry) => entry.worker === THIS_WORKER);
  });
  const [first] = cutShort;
  if (!first) return false;
  const others = cutShort.length > 1 ? ` (and ${cutShort.length - 1} more)` : '';
  await setSidePanelView({
    kind: 'message',
    text: `Shelf stopped before “${first.title}”${others} was saved (the browser restarted its background): it was not saved. Save it again.`,
  });
  return true;
}
