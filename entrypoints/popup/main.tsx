import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadPopupState } from '@/lib/popup/popup-state';
import { followTheme } from '@/lib/settings/theme';
import { PopupApp } from './popup-app';
import '@/components/base.css';
import './popup.css';

followTheme();
const root = document.getElementById('root');
if (!root) throw new Error('popup.html has no #root');
// The first render waits for the restored query (one storage read), so that the popup paints its
// results once instead of painting an empty state and then re-rendering.
void loadPopupState()
  .catch(() => null)
  .then((initialState) =>
    createRoot(root).render(
      <StrictMode>
        <PopupApp initialState={initialState} />
      </StrictMode>,
    ),
  );
