/** An <article> of <p> paragraphs with these texts, appended to the document's body. */
export function mountParagraphs(paragraphs: readonly string[]): HTMLElement {
  const root = document.createElement('article');
  for (const text of paragraphs) {
    const p = document.createElement('p');
    p.textContent = text;
    root.append(p);
  }
  document.body.append(root);
  return root;
}
