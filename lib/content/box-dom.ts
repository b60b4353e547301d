import { element } from '@/lib/dom/element';

/**
 * The DOM pieces both content-script boxes are built from, with plain DOM calls (no framework: a
 * page pays for this script). Every text is set through textContent, never as HTML.
 */
/** The box itself: a labelled `aside` with a header (brand, and a close button). */
export function createBox(
  doc: Document,
  { label, brand, closeLabel, onDismiss }: { label: string; brand: string; closeLabel: string; onDismiss: () => void },
): HTMLElement {
  const box = element(doc, 'aside', { className: 'shelf-box', attrs: { 'aria-label': label } });
  const header = element(doc, 'div', { className: 'shelf-box-header' });
  header.append(element(doc, 'span', { className: 'shelf-box-brand', text: brand }));
  const close = element(doc, 'button', {
    className: 'shelf-box-close',
    text: '×',
    attrs: { type: 'button', 'aria-label': closeLabel },
  });
  close.addEventListener('click', onDismiss);
  header.append(close);
  box.append(header);
  return box;
}

/** A link-styled button that opens an article. */
export function articleButton(doc: Document, title: string, onClick: () => void): HTMLButtonElement {
  const button = element(doc, 'button', { className: 'shelf-box-link', text: title, attrs: { type: 'button' } });
  button.addEventListener('click', onClick);
  return button;
}
