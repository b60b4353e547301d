/** The site a saved item comes from, as people name it: the host name without `www.` ('' when none). */
export function siteOf(url: string | null): string {
  try {
    return url ? new URL(url).hostname.replace(/^www\./, '') : '';
  } catch {
    return '';
  }
}
