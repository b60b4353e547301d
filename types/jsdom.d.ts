// jsdom ships no types and @types/jsdom is not a dependency; tests and the bench use only these.
declare module 'jsdom' {
  export class VirtualConsole {}
  export class JSDOM {
    constructor(html: string, options?: { url?: string; contentType?: string; virtualConsole?: VirtualConsole });
    window: Window & typeof globalThis;
  }
}
