// What the popup loads lazily, after its first paint: the database and everything that needs it.

export { liveQuery } from 'dexie';
export { removeItems, saveArticle } from '@/lib/db/items';
export { getSavedMarkers, getSavedPages } from '@/lib/db/queries';
