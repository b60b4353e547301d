/** An `<article>` holding `html`, attached to the test's document (tests empty the body after each). */
export function mount(html: string): HTMLElement {
  const root = document.createElement('article');
  root.innerHTML = html;
  document.body.append(root);
  return root;
}
