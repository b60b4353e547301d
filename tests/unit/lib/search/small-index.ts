import { buildSearchIndex, type SearchDocument } from '@/lib/search/build-index';
import type { Candidates } from '@/lib/search/candidates';
import { analyzeQueryWords } from '@/lib/search/text';
import { createVocabulary } from '@/lib/search/vocabulary';

/** A few documents small enough to reason about by hand: the stages' tests read this index. */
export const SMALL_DOCUMENTS: SearchDocument[] = [
  {
    id: 'herd',
    title: 'Thundering herd after a restart',
    keywords: 'caching reliability',
    summary: 'Every client retries at once when the service comes back.',
  },
  {
    id: 'idempotency',
    title: 'Idempotency keys for payment APIs',
    keywords: 'idempotent payments',
    summary: 'Retries charge customers twice unless the server remembers each request.',
  },
  {
    id: 'vector',
    title: 'Choosing a vector database',
    keywords: 'embeddings search',
    summary: 'A vector database stores embeddings; a plain database with an index may be enough.',
  },
  {
    id: 'kubernetes',
    title: 'Kubernetes deployments without downtime',
    keywords: 'kubernetes rollout',
    summary: 'Rolling updates, readiness probes and a database migration that waits.',
  },
];

export const smallIndex = buildSearchIndex(SMALL_DOCUMENTS);
export const smallVocabulary = createVocabulary(smallIndex);
export const words = (query: string) => analyzeQueryWords(query);
/** The terms of a candidate map, by name, with their ranking factors. */
export const named = (candidates: Candidates) =>
  Object.fromEntries([...candidates].map(([term, { factor }]) => [smallIndex.terms[term] as string, factor]));
/** The terms of a candidate map, by name, with how sure each is. */
export const certainties = (candidates: Candidates) =>
  Object.fromEntries([...candidates].map(([term, { certainty }]) => [smallIndex.terms[term] as string, certainty]));
export const docId = (doc: number) => (SMALL_DOCUMENTS[doc] as SearchDocument).id;
