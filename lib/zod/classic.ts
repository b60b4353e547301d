import { z } from 'zod';

/**
 * Zod for Shelf's code: import `z` from here (or lib/zod/mini), never from 'zod' itself. Zod compiles
 * each object schema's parser with `new Function` unless jitless; the CSP of extension pages (Chrome
 * MV3, Firefox) forbids eval, so each try logged a CSP violation before Zod fell back. It decides as a
 * schema is built, so this runs before any module that builds one (they all import it).
 */
z.config({ jitless: true });

export { z };
