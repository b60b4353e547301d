const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * The calendar date a page or feed states, as `YYYY-MM-DD`: from ISO 8601 (`2026-11-30`,
 * `2026-11-30T08:00:00+05:30`) or RFC 822 as RSS writes it (`Mon, 30 Nov 2026 08:00:00 GMT`).
 * The date is taken as written, not shifted to another time zone; anything else gives null.
 */
export function toIsoDate(text: string | null | undefined): string | null {
  if (!text) return null;
  const value = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(value);
  if (iso) return validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const rfc = /^(?:[a-z]{3},?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{2}|\d{4})(?:\s|$)/i.exec(value);
  if (rfc) {
    const month = MONTHS.indexOf((rfc[2] ?? '').toLowerCase()) + 1;
    const year = Number(rfc[3]);
    return validDate(year < 100 ? 2000 + year : year, month, Number(rfc[1]));
  }
  return null;
}

function validDate(year: number, month: number, day: number): string | null {
  if (year < 1990 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
