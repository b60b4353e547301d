import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { capturePage } from '@/lib/capture/capture-page';

// Injected into the tab the user saves (activeTab + scripting); its return value is the readable,
// sanitized copy of the page. It reads a clone of the document and changes nothing on the page.
export default defineUnlistedScript(() => capturePage(document, location.href));
