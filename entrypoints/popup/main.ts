import { afterNextPaint } from '@/lib/dom/after-paint';
import { takeHandoff } from '@/lib/popup/handoff';
import '@/components/popup.css';

const root = document.getElementById('root');
if (!root) throw new Error('popup.html has no #root');
// The app (React, the catalog, the search index: most of the popup's code) is fetched once the
// first-paint script's picture has been painted. Fetched alongside, or evaluated in the frame
// that paints it, it would delay that paint: on a small machine the browser serves, compiles
// and evaluates it on the same few cores.
const handoff = takeHandoff();
void (handoff?.stored ?? Promise.resolve(null))
  .then((stored) => (stored?.picture ? new Promise<void>((painted) => afterNextPaint(painted)) : undefined))
  .then(() => import('./mount-popup'))
  .then(({ mountPopup }) => mountPopup(root, handoff));
