import { registerOffscreenHandlers } from '@/lib/offscreen/listener';

// Chrome's service worker has no DOM: the background opens this page to capture links it fetched.
registerOffscreenHandlers();
