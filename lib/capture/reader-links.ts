/**
 * Links in a shown copy open in a new tab, never in the reader itself (the side panel or the
 * reader tab), whatever the stored HTML says: the sanitizer leaves only `<a target="_blank">`,
 * and this catches every activation (a click, or Enter on a focused link) of anything with an
 * address anyway. Web and mail addresses open in a new tab; nothing else opens at all.
 * Returns the function that stops it.
 */
export function keepLinksOutOfReader(
  body: HTMLElement,
  open: (url: string) => void = (url) => window.open(url, '_blank', 'noopener,noreferrer'),
): () => void {
  const onClick = (event: MouseEvent) => {
    const link = (event.target as Element | null)?.closest?.('[href]');
    if (!link || !body.contains(link)) return;
    event.preventDefault();
    const href = (link.getAttribute('href') ?? '').trim();
    if (/^(?:https?:|mailto:)/i.test(href)) open(href);
  };
  body.addEventListener('click', onClick);
  return () => body.removeEventListener('click', onClick);
}
