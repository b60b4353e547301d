import type { Page } from 'puppeteer-core';

/** The part of puppeteer's WebDriver BiDi connection used here (`BidiBrowser.connection`). */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

/** A node as WebDriver BiDi hands it to its client: `sharedId` names it in later commands. */
interface RemoteNode {
  sharedId: string;
  value?: { shadowRoot?: RemoteNode | null };
}

type EvaluateResult =
  | { type: 'success'; result: { type: string; value?: unknown } & Partial<RemoteNode> }
  | {
      type: 'exception';
      exceptionDetails: { text: string };
    };

/** Test code runs in a sandbox of its own: the page's changes to its globals do not reach it. */
const SANDBOX = 'shelf-tests';

/**
 * Shelf's boxes on web pages in Firefox, reached the way the Chrome suite reaches them
 * (tests/e2e/pages/blog-box.ts) with what Firefox offers. The boxes live in closed shadow roots
 * that no page script — and no puppeteer selector (`>>>` pierces open roots only, and Firefox's
 * `::-p-aria` walks an element's children, never into a shadow root) — can enter. WebDriver BiDi,
 * a privilege no page has, hands its client a closed root when asked to (`includeShadowTree:
 * "all"`); from that root the box's parts are found by their computed role and accessible name
 * (`browsingContext.locateNodes`, answered by Firefox's accessibility service) and pressed with
 * real mouse clicks at their place on the screen: trusted input, as from a user.
 */
export class FirefoxShelfBox {
  constructor(
    readonly page: Page,
    /** The box's accessible name: "Shelf" on the blog, "Shelf: related articles" elsewhere. */
    readonly name: string,
    /** The box's host element in the page (the only part of it the page sees). */
    readonly hostTag: string,
  ) {}

  private async send<T>(method: string, params: object): Promise<T> {
    const { connection } = this.page.browser() as unknown as { connection?: BidiConnection };
    if (!connection) throw new Error('this puppeteer browser has no WebDriver BiDi connection');
    return (await connection.send(method, params)).result as T;
  }

  /** The page's browsing context id (puppeteer's frame id is the BiDi context id). */
  private get context(): string {
    const id = (this.page.mainFrame() as unknown as { _id?: unknown })._id;
    if (typeof id !== 'string') throw new Error('puppeteer no longer exposes the frame’s browsing context id');
    return id;
  }

  private async evaluate(params: object): Promise<EvaluateResult> {
    const reply = await this.send<EvaluateResult>(
      'functionDeclaration' in params ? 'script.callFunction' : 'script.evaluate',
      { target: { context: this.context, sandbox: SANDBOX }, awaitPromise: false, ...params },
    );
    if (reply.type === 'exception') throw new Error(`in ${this.page.url()}: ${reply.exceptionDetails.text}`);
    return reply;
  }

  /** The host's closed shadow root, or null when the page has no box. */
  private async shadowRoot(): Promise<string | null> {
    const reply = await this.evaluate({
      expression: `document.querySelector(${JSON.stringify(this.hostTag)})`,
      serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
    });
    return reply.type === 'success'
      ? ((reply.result.value as RemoteNode['value'])?.shadowRoot?.sharedId ?? null)
      : null;
  }

  /** Elements under `start` of `role` (and with exactly this accessible name), in document order. */
  private async locate(start: string, role: string, name?: string): Promise<string[]> {
    const { nodes } = await this.send<{ nodes: RemoteNode[] }>('browsingContext.locateNodes', {
      context: this.context,
      locator: { type: 'accessibility', value: name === undefined ? { role } : { role, name } },
      startNodes: [{ sharedId: start }],
    });
    return nodes.map((node) => node.sharedId);
  }

  /** Runs `functionDeclaration` with `this` the node; returns what it returns, as JSON. */
  private async call<T>(node: string, functionDeclaration: string): Promise<T> {
    const reply = await this.evaluate({
      functionDeclaration: `function () { return JSON.stringify((${functionDeclaration}).call(this)); }`,
      this: { sharedId: node },
    });
    return JSON.parse(reply.type === 'success' ? String(reply.result.value) : 'null') as T;
  }

  /** The box (the complementary landmark with its name), or null when the page shows none. */
  private async box(): Promise<string | null> {
    const root = await this.shadowRoot();
    return root ? ((await this.locate(root, 'complementary', this.name))[0] ?? null) : null;
  }

  private async requireBox(): Promise<string> {
    const box = await this.box();
    if (!box) throw new Error(`no ${this.name} box in ${this.page.url()}`);
    return box;
  }

  async isShown(): Promise<boolean> {
    return (await this.box()) !== null;
  }

  /**
   * The box's text as it is drawn, '' when no box is shown. The box draws its text from `data-text`
   * (lib/content/box-dom.ts), which screen readers read; BiDi has no command that returns
   * accessible text, so this reads what the box's CSS draws, of its rendered elements only.
   */
  async text(): Promise<string> {
    const box = await this.box();
    if (!box) return '';
    const parts = await this.call<string[]>(
      box,
      `function () {
        return [this, ...this.querySelectorAll('[data-text]')]
          .filter((element) => element.hasAttribute('data-text') && element.checkVisibility())
          .map((element) => element.getAttribute('data-text'));
      }`,
    );
    return parts.join(' ');
  }

  /** The accessible names of the box's buttons in order, or of those in its region named `within`. */
  async buttonNames(within?: string): Promise<string[]> {
    let scope = await this.requireBox();
    if (within !== undefined) {
      const [region] = await this.locate(scope, 'region', within);
      if (!region) return [];
      scope = region;
    }
    const names: string[] = [];
    for (const button of await this.locate(scope, 'button')) {
      // Every button of the box is labelled; Firefox must find it by that name for it to count.
      const label = await this.call<string>(button, `function () { return this.getAttribute('aria-label') ?? ''; }`);
      if ((await this.locate(scope, 'button', label)).includes(button)) names.push(label);
    }
    return names;
  }

  /** Clicks the button with this accessible name with the mouse, as a user would. */
  async click(name: string): Promise<void> {
    const [button] = await this.locate(await this.requireBox(), 'button', name);
    if (!button) {
      throw new Error(`no button "${name}" in the ${this.name} box; it has: ${(await this.buttonNames()).join(', ')}`);
    }
    const [x, y] = await this.call<[number, number]>(
      button,
      `function () {
        const box = this.getBoundingClientRect();
        return [box.x + box.width / 2, box.y + box.height / 2];
      }`,
    );
    await this.page.mouse.click(x, y);
  }
}

/** The box on the blog's article pages. */
export const blogBox = (page: Page) => new FirefoxShelfBox(page, 'Shelf', 'shelf-reading-now');
