import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { paintBeforeApp } from '@/components/popup/first-paint-picture';
import { recordTyping } from '@/lib/popup/early-typing';
import { extensionStorage, readForFirstPaint } from '@/lib/popup/first-paint-read';
import { handOverToApp } from '@/lib/popup/handoff';
import { applyTheme } from '@/lib/settings/theme-attribute';

/**
 * The popup's first script, a small classic one (no module graph to fetch, no Zod, no polyfill): it
 * paints what the popup showed last time in this session and records what the user types
 * meanwhile, then hands both to the app, which loads React and replaces the picture. So a reopened
 * popup shows its restored results at once, and typing right after opening it is not lost.
 */
export default defineUnlistedScript(() => {
  const typing = recordTyping(document);
  // Inside the promise: whatever fails, the app still gets the typing and starts without a picture.
  const stored = Promise.resolve()
    .then(() => readForFirstPaint(extensionStorage()))
    .catch(() => null)
    .then((read) => {
      if (read) applyTheme(read.theme);
      if (read?.picture) paintBeforeApp(document, read.picture);
      return read;
    });
  handOverToApp({ stored, typing });
});
