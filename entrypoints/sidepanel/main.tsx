import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { FailureAlert } from '@/components/failure-alert';
import { ReaderPage } from '@/components/reader/reader-page';
import { SidePanelApp } from '@/components/side-panel/side-panel-app';
import { keepFocusInside } from '@/lib/dom/focus-rescue';
import { sendRequest } from '@/lib/messaging/client';
import { followTheme } from '@/lib/settings/theme';
import '@/components/base.css';
import '@/components/reader.css';
import '@/components/side-panel.css';

followTheme();
const root = document.getElementById('root');
if (!root) throw new Error('sidepanel.html has no #root');
// sidepanel.html?reader=<saved item id> is the full-tab reader: the same page and code, one item.
// A control removed while focused (a view replaced, a tag removed) leaves the focus in the page.
keepFocusInside(root, new AbortController().signal);
const readerItemId = new URLSearchParams(location.search).get('reader');
// Wakes a service worker stopped mid-save, which then says so in this panel.
if (!readerItemId) sendRequest({ type: 'report-unfinished-saves' }).catch(() => {});
createRoot(root).render(
  <StrictMode>
    <FailureAlert />
    {readerItemId ? <ReaderPage itemId={readerItemId} /> : <SidePanelApp />}
  </StrictMode>,
);
