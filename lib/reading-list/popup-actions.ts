// What the popup loads lazily, after its first paint: the database and everything that needs it.
export { watchBadge } from '@/lib/background/badge';
export { captureTab, getTabToSave } from '@/lib/background/capture-tab';
export { removeItems, saveArticle } from '@/lib/db/repository';
export { watchSavedPages } from '@/lib/reading-list/saved-pages';
export { watchSavedMarkers } from '@/lib/reading-list/saved-state';
