// First, before any schema is built: a page's elements must not stand in for zod's globals.
import '@/lib/content/extension-api-guard';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { extractPageTextInSlices } from '@/lib/related/page-text';

// Injected into the active tab (activeTab + scripting) when the user asks "Find related" on a
// page; its result is the page's main text, read within a budget, pausing so the page keeps responding.
export default defineUnlistedScript(() => extractPageTextInSlices(document));
