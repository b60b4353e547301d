import { z } from 'zod/mini';

/** Zod Mini for Shelf's code, with Zod's eval turned off first (why: lib/zod/classic.ts). */
z.config({ jitless: true });

export { z };
