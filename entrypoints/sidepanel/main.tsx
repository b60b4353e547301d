import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { followTheme } from '@/lib/settings/theme';
import { ReaderContainer } from './reader-container';
import { SidePanelApp } from './side-panel-app';
import { StorageGate } from './storage-gate';
import '@/components/base.css';
import '@/components/reader.css';
import './sidepanel.css';

followTheme();
const root = document.getElementById('root');
if (!root) throw new Error('sidepanel.html has no #root');
// sidepanel.html?reader=<saved item id> is the full-tab reader: the same page and code, one item.
const readerItemId = new URLSearchParams(location.search).get('reader');
createRoot(root).render(
  <StrictMode>
    {readerItemId ? (
      <main className="reader-page">
        <StorageGate>
          <ReaderContainer itemId={readerItemId} />
        </StorageGate>
      </main>
    ) : (
      <SidePanelApp />
    )}
  </StrictMode>,
);
