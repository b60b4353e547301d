/** What a search result is, as the result list says it (the popup's first paint shows it too, so no imports here). */
export const HIT_KIND_LABELS = { article: 'Blog article', page: 'Saved page' } as const;
export type HitKind = keyof typeof HIT_KIND_LABELS;
