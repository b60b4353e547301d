/**
 * How the background answers a highlight on a page it could not save first (the page's capture
 * failed: nothing was written): the `Highlight` button beside the selection says so.
 */
export const PAGE_NOT_SAVED = 'Not highlighted: Shelf could not save this page';

export function isPageNotSavedMessage(message: string): boolean {
  return message.startsWith(PAGE_NOT_SAVED);
}
