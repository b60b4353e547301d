/** Whether `url` is a web address Shelf keeps, opens and saves: http or https, with a host. */
export function isWebUrl(url: string): boolean {
  if (!/^https?:\/\//i.test(url)) return false;
  try {
    return Boolean(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** A title that is only a web address: what an item saved by its address alone is called. */
export function isWebAddress(title: string): boolean {
  const text = title.trim();
  return !/\s/.test(text) && isWebUrl(text);
}
