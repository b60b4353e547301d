import { describe, expect, it } from 'vitest';
import { getBundledSearchEngine } from '@/lib/search/bundled';
import { searchToJson } from '@/scripts/eval/query-json';

// `npm run query -- search` prints this object; tests/unit/scripts/cli runs the command itself.
const engine = getBundledSearchEngine();

describe('query -- search JSON', () => {
  it('keeps its contract {query, tookMs, results}, with what is only loosely related apart', () => {
    const out = searchToJson(engine, 'thundring herd', { limit: 2 });
    expect(Object.keys(out).sort()).toEqual(['loose', 'query', 'results', 'tookMs']);
    expect(out.results[0]?.id).toBe('thundering-herd-service-restart');
    expect(Object.keys(out.results[0]!).sort()).toEqual(['id', 'score', 'summary', 'title', 'url']);
  });

  it('answers [] when nothing in the library is about the query', () => {
    expect(searchToJson(engine, 'lemon cake recipe', { limit: 10 }).results).toEqual([]);
    const chess = searchToJson(engine, 'chess opening for black', { limit: 10 });
    expect(chess.results).toEqual([]);
    expect(chess.loose.map((r) => r.id)).toContain('scaling-under-black-friday-traffic');
  });

  it('takes the query as finished unless told it is being typed (--typing)', () => {
    // "let" is a word of its own when finished; while typing it may be "letter".
    const finished = searchToJson(engine, 'dead let', { limit: 10 }).results;
    const typing = searchToJson(engine, 'dead let', { limit: 10, typing: true }).results;
    expect(typing[0]?.id).toMatch(/^dead-letter-queue/);
    expect(typing[0]!.score).toBeGreaterThan(finished.find((r) => r.id === typing[0]!.id)?.score ?? 0);
  });
});
