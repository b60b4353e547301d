import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { FailureAlert } from '@/components/failure-alert';
import { SettingsView } from '@/components/settings/settings-view';
import { keepFocusInside } from '@/lib/dom/focus-rescue';
import { followTheme } from '@/lib/settings/theme';
import '@/components/base.css';
import '@/components/side-panel.css';
import './options.css';

// The options page is the side panel's Settings view on a page of its own.
followTheme();
const root = document.getElementById('root');
if (!root) throw new Error('options.html has no #root');
// A control removed while focused (a view replaced, a tag removed) leaves the focus in the page.
keepFocusInside(root, new AbortController().signal);
createRoot(root).render(
  <StrictMode>
    <main className="options-page">
      <FailureAlert />
      <h1>Shelf</h1>
      <SettingsView />
    </main>
  </StrictMode>,
);
