import { describe, expect, it } from 'vitest';
import { describeReport, emptyReport, tally } from '@/lib/catalog-updates/report';
import { isCatalogUpdateRunning } from '@/lib/settings/catalog-update';
import { PREFERENCES } from '@/lib/settings/preferences';

describe('the update report', () => {
  it('counts what learning did, once per change', () => {
    const report = emptyReport(0);
    tally(report, [
      { kind: 'linked', url: 'u1', articleId: 'a', by: 'description', addressFilled: true, titleConfirmed: true },
      { kind: 'linked', url: 'u2', articleId: 'b', by: 'url', addressFilled: false, titleConfirmed: true },
      { kind: 'linked', url: 'u3', articleId: 'c', by: 'url', addressFilled: false, titleConfirmed: false },
      { kind: 'learned', url: 'u4', id: 'n', isNew: true },
      { kind: 'learned', url: 'u4', id: 'n', isNew: false },
      { kind: 'near-miss', url: 'u5', field: 'title', closest: { id: 'x', title: 'X', similarity: 0.61 } },
      { kind: 'ambiguous', url: 'u6', articleIds: ['p', 'q'], reason: 'its description matches 2 articles' },
      { kind: 'waiting', url: 'u7', articleId: 'r' },
      { kind: 'skipped', url: 'u8', reason: 'the page names no title' },
    ]);
    expect(report).toMatchObject({ addressesFilled: 1, titlesConfirmed: 2, newArticles: 1 });
    expect(report.nearMisses).toEqual([
      { url: 'u5', field: 'title', closestId: 'x', closestTitle: 'X', similarity: 0.61 },
    ]);
    expect(report.ambiguous.map((a) => a.url)).toEqual(['u6', 'u7']);
    expect(report.unreadable).toEqual([{ url: 'u8', kind: 'skipped', reason: 'the page names no title' }]);
  });

  it('reads as sentences, singular and plural, most important first', () => {
    const report = {
      ...emptyReport(0),
      addressesFilled: 1,
      titlesConfirmed: 12,
      newArticles: 2,
      unreadable: [{ url: 'https://webcoderspeed.com/blog/a/b', kind: 'http-status', reason: 'HTTP 404' }],
      nearMisses: [
        {
          url: 'https://webcoderspeed.com/blog/a/c',
          field: 'description' as const,
          closestId: 'x',
          closestTitle: 'X',
          similarity: 0.834,
        },
      ],
      notes: ['The feed lists 100,000 items; the first 2,000 were read.'],
      pagesLeft: 1_500,
      stopped: true,
    };
    expect(describeReport(report)).toEqual([
      '1 address filled in',
      '12 titles confirmed',
      '2 new articles',
      '1 page could not be read',
      'https://webcoderspeed.com/blog/a/b: HTTP 404',
      'Near miss, not linked: https://webcoderspeed.com/blog/a/c — its description is close to “X” (83% alike)',
      'The feed lists 100,000 items; the first 2,000 were read.',
      '1,500 article pages left for the next update',
      'The update stopped before it finished; the next one continues where it stopped.',
    ]);
    expect(describeReport(emptyReport(0)).slice(0, 4)).toEqual([
      '0 addresses filled in',
      '0 titles confirmed',
      '0 new articles',
      '0 pages could not be read',
    ]);
  });
});

describe('a report too long to store (red-team finding)', () => {
  it('is cut to what the status preference holds, saying how much was left out', () => {
    const report = emptyReport(0);
    for (let i = 0; i < 201; i += 1)
      report.ambiguous.push({ url: `https://webcoderspeed.com/blog/a/${i}`, articleIds: [], reason: 'x' });
    report.unreadable.push({ url: `https://webcoderspeed.com/blog/${'a'.repeat(3000)}`, kind: 'skipped', reason: 'y' });
    const lines = describeReport(report);
    expect(lines).toHaveLength(200);
    expect(lines.at(-1)).toMatch(/^…and \d+ more lines$/);
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(2000);
    // What the background stores: it failed silently before, and Settings showed "running" for good.
    const status = { state: 'done' as const, phase: 'done', done: 1, total: 1, lines, at: 0 };
    expect(PREFERENCES.catalogUpdateStatus.schema.safeParse(status).success).toBe(true);
  });
});

describe('a status left "running" by a run that died', () => {
  it('no longer counts as running after five minutes without progress', () => {
    const status = { state: 'running' as const, phase: 'pages', done: 3, total: 40, lines: [], at: 1_000_000 };
    expect(isCatalogUpdateRunning(status, 1_000_000 + 60_000)).toBe(true);
    expect(isCatalogUpdateRunning(status, 1_000_000 + 5 * 60_000 + 1)).toBe(false);
    expect(isCatalogUpdateRunning({ ...status, state: 'done' }, 1_000_000)).toBe(false);
    expect(isCatalogUpdateRunning(null, 0)).toBe(false);
  });
});
