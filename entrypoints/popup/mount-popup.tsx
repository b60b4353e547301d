import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { findPaintedRows } from '@/components/popup/first-paint-picture';
import { PopupApp } from '@/components/popup/popup-app';
import type { PopupHandoff } from '@/lib/popup/handoff';
import { takeOverFromFirstPaint } from '@/lib/popup/take-over';
import { followTheme } from '@/lib/settings/theme';

/**
 * Renders the popup from where the first-paint script left it (its restored search, selected, or what
 * was typed meanwhile; its result rows, which the live list adopts), then removes the rest of that
 * script's picture in the same task: the two are never on screen together, and no key falls
 * between them. Returns the React root, so a caller that
 * outlives the popup (a test) can unmount it and stop its live database queries.
 */
export async function mountPopup(root: HTMLElement, handoff?: PopupHandoff): Promise<Root> {
  followTheme();
  const { state, picture, querySelected } = await takeOverFromFirstPaint(handoff);
  const reactRoot = createRoot(root);
  flushSync(() =>
    reactRoot.render(
      <StrictMode>
        <PopupApp initialState={state} querySelected={querySelected} painted={findPaintedRows(document, picture)} />
      </StrictMode>,
    ),
  );
  document.querySelector('[data-first-paint]')?.remove();
  return reactRoot;
}
