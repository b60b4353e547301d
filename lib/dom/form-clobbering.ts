/**
 * A `<form>` answers to its controls' names and ids as properties, before its own (in Chromium, as
 * the HTML standard says): `<form><input name="closest">` makes `form.closest` that input, and
 * `name="parentNode"` sends a walk up the tree back into the form, forever. Code that reads a page's
 * elements then throws or loops: Shelf's clutter pass ("line.closest is not a function") and Readability
 * (which Shelf cannot change) on the clone it reads, DOMPurify's hooks on the copy it parses.
 *
 * Rather than read every property of every element through its prototype (Readability reads hundreds),
 * the copies Shelf owns are made plain: a control's name or id that is a form's property (or one
 * Readability sets on the elements it scores) is removed, so the form answers as any element does.
 * Nothing is lost: DOMPurify drops such a name or id from the copy anyway (`value in formElement`),
 * controls are never kept, and the page itself is never changed.
 */

/** What a form names its properties after: its listed controls and its images (the HTML standard's "form's named elements"). */
const NAMED_BY_FORM = 'button, fieldset, input, object, output, select, textarea, img';
/** What Readability sets on the elements it scores: a control so named would be read instead. */
const READABILITY_PROPERTIES = new Set(['readability', '_readabilityDataTable']);

/**
 * Removes, from the controls and images of every form under `root` (inside one, or tied to one by a
 * `form` attribute), each name or id that would shadow a property of the form. Read through the
 * prototypes: the forms are clobbered until this is done.
 */
export function unclobberForms(root: ParentNode, win: Window & typeof globalThis): void {
  const { closest, getAttribute, hasAttribute, removeAttribute } = win.Element.prototype;
  const formProperties = win.HTMLFormElement.prototype;
  const shadows = (value: string | null) =>
    value !== null && (value in formProperties || READABILITY_PROPERTIES.has(value));
  for (const element of root.querySelectorAll(NAMED_BY_FORM)) {
    if (closest.call(element, 'form') === null && !hasAttribute.call(element, 'form')) continue;
    for (const attribute of ['name', 'id']) {
      if (shadows(getAttribute.call(element, attribute))) removeAttribute.call(element, attribute);
    }
  }
}

/**
 * What walks over the page itself read of a node, as the node's own prototypes define it (found from
 * `sample`, so in its realm; a form answers to its controls' names as properties of its own): a page's form cannot be made plain, and a walk
 * up `parentNode` from its control went back into the form forever, a tab's hang on Save.
 */
export interface PlainReader {
  nodeType(node: Node): number;
  firstChild(node: Node): ChildNode | null;
  nextSibling(node: Node): ChildNode | null;
  parentNode(node: Node): ParentNode | null;
  localName(element: Element): string;
  attributes(element: Element): NamedNodeMap;
  getAttribute(element: Element, name: string): string | null;
  hasAttribute(element: Element, name: string): boolean;
  closest(element: Element, selectors: string): Element | null;
  querySelectorAll(element: Element, selectors: string): NodeListOf<Element>;
}

/** The prototype that defines `name` for `object`: a form's controls shadow it as the form's own properties. */
function definer(object: object, name: string): object | null {
  for (let proto = Object.getPrototypeOf(object); proto; proto = Object.getPrototypeOf(proto))
    if (Object.hasOwn(proto, name)) return proto;
  return null;
}

/**
 * A reader of `name` through the getter of the prototype defining it, else (a DOM built otherwise, as
 * linkedom's, which keeps some as the node's own fields; no form of it answers to its controls) as is.
 */
function property<T>(sample: object, name: string): (node: object) => T {
  const proto = definer(sample, name);
  const get = proto && Object.getOwnPropertyDescriptor(proto, name)?.get;
  return get ? (node) => get.call(node) as T : (node) => (node as Record<string, T>)[name] as T;
}

/** A method `name` as the prototype defining it has it (see `property`). */
function method<A extends unknown[], T>(sample: object, name: string): (node: object, ...args: A) => T {
  const proto = definer(sample, name) as Record<string, (...args: A) => T> | null;
  const own = proto?.[name];
  return own
    ? (node, ...args) => own.apply(node, args)
    : (node, ...args) => (node as Record<string, (...args: A) => T>)[name]?.(...args) as T;
}

export function plainReader(sample: Element): PlainReader {
  return {
    nodeType: property(sample, 'nodeType'),
    firstChild: property(sample, 'firstChild'),
    nextSibling: property(sample, 'nextSibling'),
    parentNode: property(sample, 'parentNode'),
    localName: property(sample, 'localName'),
    attributes: property(sample, 'attributes'),
    getAttribute: method(sample, 'getAttribute'),
    hasAttribute: method(sample, 'hasAttribute'),
    closest: method(sample, 'closest'),
    querySelectorAll: method(sample, 'querySelectorAll'),
  };
}
