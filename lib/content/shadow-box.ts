/**
 * Where a Shelf box lives on a web page: a closed shadow root on a custom element. The page's
 * scripts get no `shadowRoot` from it, so they can neither read the box nor reach its buttons;
 * the page's CSS stops at its boundary, and the box's CSS (`:host { all: initial !important }`
 * first) does not leak out. The host element, without attributes, is all the page can see. It
 * goes at the end of `<html>`, outside `<body>`, which pages often rewrite or transform.
 */
export interface ShadowBox {
  /** The element to build the box in (inside the shadow root). */
  container: HTMLElement;
  remove: () => void;
}

export function mountShadowBox(
  doc: Document,
  { hostName, css, signal }: { hostName: string; css: string; signal: AbortSignal },
): ShadowBox {
  const host = doc.createElement(hostName);
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = css;
  const container = doc.createElement('div');
  root.append(style, container);
  doc.documentElement.append(host);
  const remove = () => host.remove();
  signal.addEventListener('abort', remove, { once: true });
  return { container, remove };
}
