import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ReaderContainer } from '@/entrypoints/sidepanel/reader-container';
import '@/components/base.css';
import '@/components/reader.css';

// The full-tab reader: reader.html?item=<saved item id>.
const root = document.getElementById('root');
if (!root) throw new Error('reader.html has no #root');
const itemId = new URLSearchParams(location.search).get('item') ?? '';
createRoot(root).render(
  <StrictMode>
    <main className="reader-page">
      {itemId ? <ReaderContainer itemId={itemId} /> : <p role="alert">No page to read.</p>}
    </main>
  </StrictMode>,
);
