import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { extractPageText } from '@/lib/related/page-text';

// Injected into the active tab (activeTab + scripting) when the user asks "Find related" on a
// page; its return value is the page's main text.
export default defineUnlistedScript(() => extractPageText(document));
