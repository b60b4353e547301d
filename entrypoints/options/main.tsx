import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { followTheme } from '@/lib/settings/theme';
import { SettingsView } from '../sidepanel/settings-view';
import { StorageGate } from '../sidepanel/storage-gate';
import '@/components/base.css';
import '../sidepanel/sidepanel.css';
import './options.css';

// The options page is the side panel's Settings view on a page of its own.
followTheme();
const root = document.getElementById('root');
if (!root) throw new Error('options.html has no #root');
createRoot(root).render(
  <StrictMode>
    <main className="options-page">
      <h1>Shelf</h1>
      <StorageGate>
        <SettingsView />
      </StorageGate>
    </main>
  </StrictMode>,
);
