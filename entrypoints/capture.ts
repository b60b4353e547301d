// First, before any schema is built: a page's elements must not stand in for zod's globals.
import '@/lib/content/extension-api-guard';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { capturePageInSlices } from '@/lib/capture/capture-page';

// Injected into the tab the user saves (activeTab + scripting); its result is the readable,
// sanitized copy of the page. It reads a clone of the document (or, on pages too large to clone,
// the visible text), changes nothing on the page, and pauses often so the page keeps responding.
export default defineUnlistedScript(() => capturePageInSlices(document, location.href));
