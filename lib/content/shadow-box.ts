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
  const host = undefinedElement(doc, hostName);
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

/**
 * An element named `name` that no page script defined. A page that defines Shelf's element first runs
 * its own constructor in it: `attachInternals()` there hands the page even a closed shadow root (red
 * team: it read the box and focused "Don't show on this site" for the user's next Space). The page
 * defining the name later is harmless: a shadow root attached before the upgrade stays out of reach of
 * the internals. Then a name with a random suffix, which the page cannot have guessed, is used.
 */
function undefinedElement(doc: Document, name: string): HTMLElement {
  const element = doc.createElement(name);
  if (!element.matches(':defined')) return element;
  return undefinedElement(doc, `${name.split('--')[0]}--${crypto.randomUUID().slice(0, 8)}`);
}
