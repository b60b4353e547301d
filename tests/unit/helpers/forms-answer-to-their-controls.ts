/**
 * Models Chromium, where a form answers to its controls' names and ids before its own properties, as
 * properties of its own (HTMLFormElement is [LegacyOverrideBuiltIns]: `<input name="closest">` makes
 * `form.closest` the input), in clones too. jsdom does not (its forms answer to indexes only), so this
 * window's forms, and those of the documents it clones, are given that behaviour for `names`. The controls
 * are found as jsdom finds them itself (`elements`, `getElementsByTagName`): its selector engine reads `parentNode`.
 */
export function formsAnswerToTheirControls(win: Window & typeof globalThis, names: readonly string[]): void {
  const elements = Object.getOwnPropertyDescriptor(win.HTMLFormElement.prototype, 'elements')?.get as (
    this: HTMLFormElement,
  ) => HTMLCollection;
  const { getAttribute, getElementsByTagName } = win.Element.prototype;
  const named = (form: HTMLFormElement, name: string) =>
    [...elements.call(form), ...getElementsByTagName.call(form, 'img')].find(
      (control) => getAttribute.call(control, 'name') === name || getAttribute.call(control, 'id') === name,
    );
  const clobber = (doc: Document) => {
    for (const form of getElementsByTagName.call(doc.documentElement, 'form') as HTMLCollectionOf<HTMLFormElement>)
      for (const name of names) {
        const builtIn = () => Reflect.get(Object.getPrototypeOf(form), name, form);
        Object.defineProperty(form, name, { configurable: true, get: () => named(form, name) ?? builtIn() });
      }
  };
  clobber(win.document);
  const { cloneNode } = win.Document.prototype;
  win.Document.prototype.cloneNode = function (this: Document, deep?: boolean) {
    const clone = cloneNode.call(this, deep) as Document;
    clobber(clone);
    return clone;
  };
}
