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
  /** Takes the box off the page; focus inside it goes back to where it came from on the page. */
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

  // A keyboard user who closes the box would otherwise be left on the page's <body>, back at the
  // top of its tab order: the page element focus came from is where they were.
  let cameFrom: HTMLElement | SVGElement | null = null;
  host.addEventListener('focusin', (event) => {
    const from = event.relatedTarget; // retargeted: a control inside the box reads as the host
    if ((from instanceof HTMLElement || from instanceof SVGElement) && from !== host) cameFrom = from;
  });
  const remove = () => {
    const hadFocus = root.activeElement !== null;
    host.remove();
    if (hadFocus && cameFrom?.isConnected) cameFrom.focus({ preventScroll: true });
    cameFrom = null;
  };
  signal.addEventListener('abort', remove, { once: true });
  return { container, remove };
}
