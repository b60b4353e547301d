import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { applyTypedKeys } from '@/lib/popup/early-typing';
import type { PopupHandoff } from '@/lib/popup/handoff';
import { loadPopupState, type PopupState } from '@/lib/popup/popup-state';
import { followTheme } from '@/lib/settings/theme';
import { PopupApp } from './popup-app';

/**
 * Renders the popup with the restored search (read by the first-paint script, or here when that
 * script did not run) and what was typed before now, then removes the first-paint picture in the
 * same task: the two are never on screen together, and no key falls between them.
 */
export async function mountPopup(root: HTMLElement, handoff?: PopupHandoff): Promise<void> {
  followTheme();
  const restored = await (handoff?.restored ?? loadPopupState().catch(() => null));
  handoff?.typing.stop();
  const typed = handoff?.typing.keys ?? [];
  const state = restored?.state ?? null;
  const initialState: PopupState | null =
    typed.length === 0
      ? state
      : { query: applyTypedKeys(state?.query ?? '', typed), topic: state?.topic ?? null, tag: state?.tag ?? null };
  flushSync(() =>
    createRoot(root).render(
      <StrictMode>
        <PopupApp initialState={initialState} />
      </StrictMode>,
    ),
  );
  document.querySelector('[data-first-paint]')?.remove();
}
