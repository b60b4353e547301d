import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { PopupApp } from '@/components/popup/popup-app';
import type { PopupHandoff } from '@/lib/popup/handoff';
import { takeOverFromFirstPaint } from '@/lib/popup/take-over';
import { followTheme } from '@/lib/settings/theme';

/**
 * Renders the popup from where the first-paint script left it (its restored search plus what was
 * typed meanwhile), then removes that script's picture in the same task: the two are never on
 * screen together, and no key falls between them.
 */
export async function mountPopup(root: HTMLElement, handoff?: PopupHandoff): Promise<void> {
  followTheme();
  const initialState = await takeOverFromFirstPaint(handoff);
  flushSync(() =>
    createRoot(root).render(
      <StrictMode>
        <PopupApp initialState={initialState} />
      </StrictMode>,
    ),
  );
  document.querySelector('[data-first-paint]')?.remove();
}
