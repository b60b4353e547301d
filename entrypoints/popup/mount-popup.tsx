import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { loadPopupState, type RestoredPopup } from '@/lib/popup/popup-state';
import { followTheme } from '@/lib/settings/theme';
import { PopupApp } from './popup-app';

/**
 * Renders the popup with the restored search (read by the first-paint script, or here when that
 * script did not run), then removes the first-paint picture in the same task: the two are never on
 * screen together.
 */
export async function mountPopup(root: HTMLElement, restoring?: Promise<RestoredPopup | null>): Promise<void> {
  followTheme();
  const restored = await (restoring ?? loadPopupState().catch(() => null));
  flushSync(() =>
    createRoot(root).render(
      <StrictMode>
        <PopupApp initialState={restored?.state ?? null} />
      </StrictMode>,
    ),
  );
  document.querySelector('[data-first-paint]')?.remove();
}
