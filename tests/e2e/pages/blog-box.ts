import type { CDPSession, Page } from '@playwright/test';

/** The parts of a DevTools accessibility node these tests read. */
interface AXNode {
  nodeId: string;
  role?: { value?: unknown };
  name?: { value?: unknown };
  properties?: Array<{ name: string; value: { value?: unknown } }>;
  childIds?: string[];
  backendDOMNodeId?: number;
}

/**
 * Shelf's boxes on web pages, driven the way a person and assistive technology reach them. The
 * boxes live in closed shadow roots, which no page script — and no Playwright locator — can
 * enter; the browser's accessibility tree (read over the DevTools protocol, a privilege no page
 * has) does include them, so tests read the box's text and find its buttons there, and press
 * them with real mouse clicks at their place on the screen: trusted input, as from a user.
 */
export class ShelfBox {
  private session: CDPSession | undefined;

  constructor(
    readonly page: Page,
    /** The box's accessible name: "Shelf" on the blog, "Shelf: related articles" elsewhere. */
    readonly name: string,
    /** The box's host element in the page (the only part of it the page sees). */
    readonly hostTag: string,
  ) {}

  private async cdp(): Promise<CDPSession> {
    this.session ??= await this.page.context().newCDPSession(this.page);
    return this.session;
  }

  /** The box's accessibility nodes in document order, or null when the page shows no box. */
  async nodes(): Promise<AXNode[] | null> {
    const { nodes } = await (await this.cdp()).send('Accessibility.getFullAXTree');
    const byId = new Map(nodes.map((node) => [node.nodeId, node]));
    const root = nodes.find((node) => node.role?.value === 'complementary' && node.name?.value === this.name);
    if (!root) return null;
    const ordered: AXNode[] = [];
    const stack = [root];
    for (let node = stack.pop(); node; node = stack.pop()) {
      ordered.push(node);
      const children = (node.childIds ?? []).map((id) => byId.get(id)).filter((child) => child !== undefined);
      stack.push(...children.reverse());
    }
    return ordered;
  }

  async isShown(): Promise<boolean> {
    return (await this.nodes()) !== null;
  }

  /** The box's text as a screen reader gets it, '' when no box is shown. */
  async text(): Promise<string> {
    const nodes = (await this.nodes()) ?? [];
    return nodes
      .filter((node) => node.role?.value === 'StaticText')
      .map((node) => String(node.name?.value ?? ''))
      .join(' ');
  }

  /** The accessible names of the box's buttons in order, or of those in its region named `within`. */
  async buttonNames(within?: string): Promise<string[]> {
    if (within !== undefined) await this.expand(); // callers poll: the opened region shows up on a later call
    let nodes = (await this.nodes()) ?? [];
    if (within !== undefined) {
      const region = nodes.find((node) => node.role?.value === 'region' && node.name?.value === within);
      nodes = region ? descendantsOf(region, nodes) : [];
    }
    return nodes.filter((node) => node.role?.value === 'button').map((node) => String(node.name?.value ?? ''));
  }

  /** Names of the links and buttons in the box (a page must not be able to add any). */
  async controlNames(): Promise<string[]> {
    const nodes = (await this.nodes()) ?? [];
    return nodes
      .filter((node) => ['button', 'link'].includes(String(node.role?.value)))
      .map((node) => `${node.role?.value}: ${node.name?.value ?? ''}`);
  }

  /** The accessible name of the box's control that has the keyboard focus, or null. */
  async focusedControl(): Promise<string | null> {
    const nodes = (await this.nodes()) ?? [];
    const focused = nodes.find((node) =>
      node.properties?.some((property) => property.name === 'focused' && property.value.value === true),
    );
    return focused ? String(focused.name?.value ?? '') : null;
  }

  /** Presses Tab (at most `limit` times) until the control with this name has the focus. */
  async tabTo(name: string, limit = 40): Promise<void> {
    for (let press = 0; press < limit; press++) {
      if ((await this.focusedControl()) === name) return;
      await this.page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached "${name}" in the ${this.name} box`);
  }

  /**
   * Opens a collapsed box (the blog's pill) as a user would, with a click on its toggle
   * ("Related (3)" or "More"); does nothing when the box is open or has no toggle.
   */
  async expand(): Promise<void> {
    const nodes = (await this.nodes()) ?? [];
    const toggle = nodes.find(
      (node) =>
        node.role?.value === 'button' &&
        node.properties?.some((property) => property.name === 'expanded' && property.value.value === false),
    );
    if (toggle) await this.click(String(toggle.name?.value ?? ''));
  }

  /** Clicks the button with this accessible name with the mouse, as a user would (opening the box first if it is inside). */
  async click(name: string | RegExp): Promise<void> {
    const find = (nodes: AXNode[]) =>
      nodes.find((node) => {
        const label = String(node.name?.value ?? '');
        return node.role?.value === 'button' && (typeof name === 'string' ? label === name : name.test(label));
      });
    let button = find((await this.nodes()) ?? []);
    if (!button) {
      await this.expand();
      // The accessibility tree follows the opened box within a frame or two.
      for (let tries = 0; !button && tries < 20; tries++) {
        button = find((await this.nodes()) ?? []);
        if (!button) await this.page.waitForTimeout(100);
      }
    }
    if (button?.backendDOMNodeId === undefined) {
      throw new Error(`no button "${name}" in the ${this.name} box; it has: ${(await this.buttonNames()).join(', ')}`);
    }
    const { model } = await (await this.cdp()).send('DOM.getBoxModel', { backendNodeId: button.backendDOMNodeId });
    const [x1, y1, , , x3, y3] = model.border;
    await this.page.mouse.click(((x1 ?? 0) + (x3 ?? 0)) / 2, ((y1 ?? 0) + (y3 ?? 0)) / 2);
  }

  /**
   * Lets axe-core and Playwright's locators into the closed shadow root, for checks of the box's
   * own look and accessibility: over the DevTools protocol, the host gets a `shadowRoot` property
   * in the page's world. No page script can do this; call it after every check of what the page
   * itself can see.
   */
  async revealToTests(): Promise<void> {
    const cdp = await this.cdp();
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const stack = [root];
    for (let node = stack.pop(); node; node = stack.pop()) {
      if (node.localName === this.hostTag && node.shadowRoots?.[0]) {
        const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: node.shadowRoots[0].backendNodeId });
        await cdp.send('Runtime.callFunctionOn', {
          objectId: object.objectId,
          functionDeclaration: 'function () { Object.defineProperty(this.host, "shadowRoot", { value: this }); }',
        });
        return;
      }
      stack.push(...(node.children ?? []), ...(node.shadowRoots ?? []));
    }
    throw new Error(`no <${this.hostTag}> with a shadow root in the page`);
  }
}

/** `root`'s descendants among `nodes` (which are in document order, as `nodes()` returns them). */
function descendantsOf(root: AXNode, nodes: AXNode[]): AXNode[] {
  const inside = new Set(root.childIds ?? []);
  return nodes.filter((node) => {
    if (!inside.has(node.nodeId)) return false;
    for (const id of node.childIds ?? []) inside.add(id);
    return true;
  });
}

/** The box on the blog's article pages. */
export const blogBox = (page: Page) => new ShelfBox(page, 'Shelf', 'shelf-reading-now');

/** The related-articles box on other sites. */
export const relatedBox = (page: Page) => new ShelfBox(page, 'Shelf: related articles', 'shelf-related');
