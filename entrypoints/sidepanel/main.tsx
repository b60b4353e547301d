import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SidePanelApp } from './side-panel-app';
import '@/components/base.css';
import '@/components/reader.css';
import './sidepanel.css';

const root = document.getElementById('root');
if (!root) throw new Error('sidepanel.html has no #root');
createRoot(root).render(
  <StrictMode>
    <SidePanelApp />
  </StrictMode>,
);
