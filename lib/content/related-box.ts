/**
 * The "Related articles" box of the content script on other sites, built with plain DOM calls
 * (no framework: on pages that do not match, the script must cost next to nothing). Every text is
 * set through textContent, never as HTML.
 */
export interface RelatedBoxArticle {
  id: string;
  title: string;
}

export interface RelatedBoxHandlers {
  onOpen: (articleId: string) => void;
  onDismiss: () => void;
  onHideOnSite: () => void;
}

export function element<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  props: { className?: string; text?: string; attrs?: Record<string, string> } = {},
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) node.setAttribute(name, value);
  return node;
}

export function renderRelatedBox(
  container: HTMLElement,
  articles: readonly RelatedBoxArticle[],
  handlers: RelatedBoxHandlers,
): HTMLElement {
  const doc = container.ownerDocument;
  const box = element(doc, 'aside', { className: 'shelf-box', attrs: { 'aria-label': 'Shelf: related articles' } });
  const header = element(doc, 'div', { className: 'shelf-box-header' });
  header.append(element(doc, 'span', { className: 'shelf-box-brand', text: 'Related articles' }));
  const close = element(doc, 'button', {
    className: 'shelf-box-close',
    text: '×',
    attrs: { type: 'button', 'aria-label': 'Dismiss related articles' },
  });
  close.addEventListener('click', handlers.onDismiss);
  header.append(close);
  box.append(header);

  const list = element(doc, 'ul', { className: 'shelf-box-list' });
  for (const article of articles) {
    const item = element(doc, 'li');
    const button = element(doc, 'button', {
      className: 'shelf-box-link',
      text: article.title,
      attrs: { type: 'button' },
    });
    button.addEventListener('click', () => handlers.onOpen(article.id));
    item.append(button);
    list.append(item);
  }
  box.append(list);

  const hide = element(doc, 'button', {
    className: 'shelf-box-quiet',
    text: 'Don’t show on this site',
    attrs: { type: 'button' },
  });
  hide.addEventListener('click', handlers.onHideOnSite);
  box.append(hide);
  container.append(box);
  return box;
}
