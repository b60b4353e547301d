import { describe, expect, it } from 'vitest';
import { toIsoDate } from '@/lib/catalog-updates/dates';

describe('toIsoDate', () => {
  it('reads ISO 8601 dates and date-times as written, without shifting the time zone', () => {
    expect(toIsoDate('2026-11-30')).toBe('2026-11-30');
    expect(toIsoDate('2026-11-28T23:30:00-05:00')).toBe('2026-11-28');
    expect(toIsoDate(' 2026-02-03 10:00 ')).toBe('2026-02-03');
  });

  it('reads RSS (RFC 822) dates, with or without the weekday, two-digit years included', () => {
    expect(toIsoDate('Mon, 30 Nov 2026 08:00:00 GMT')).toBe('2026-11-30');
    expect(toIsoDate('1 Dec 2026 09:30:00 +0530')).toBe('2026-12-01');
    expect(toIsoDate('Tue, 01 December 26 09:30 EST')).toBe('2026-12-01');
  });

  it('refuses impossible or unreadable dates', () => {
    expect(toIsoDate('2026-02-30')).toBeNull();
    expect(toIsoDate('2026-13-01')).toBeNull();
    expect(toIsoDate('30 Foo 2026')).toBeNull();
    expect(toIsoDate('yesterday')).toBeNull();
    expect(toIsoDate('')).toBeNull();
    expect(toIsoDate(null)).toBeNull();
  });
});
