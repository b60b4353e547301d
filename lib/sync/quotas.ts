/**
 * Chrome's limits on `storage.sync` (the same numbers as `chrome.storage.sync.*`; Firefox uses the
 * first three) and how Chrome measures and reports them. Sources: Chromium's
 * extensions/browser/api/storage/settings_storage_quota_enforcer.cc (sizes, "<NAME> quota
 * exceeded"), storage_api.cc and quota_service.cc (write rates: "This request exceeds the <NAME>
 * quota.", a window per limit that opens at the first write and refills when it ends).
 */
export const SYNC_QUOTAS = {
  QUOTA_BYTES: 102_400,
  QUOTA_BYTES_PER_ITEM: 8_192,
  MAX_ITEMS: 512,
  MAX_WRITE_OPERATIONS_PER_MINUTE: 120,
  MAX_WRITE_OPERATIONS_PER_HOUR: 1_800,
} as const;

const utf8 = new TextEncoder();

/**
 * The bytes Chrome counts for an item: its key and its value written as JSON, in UTF-8. Chrome's
 * JSON writer escapes `<`, U+2028 and U+2029 where `JSON.stringify` does not, so they count more.
 */
export function chromeItemBytes(key: string, value: unknown): number {
  const json = JSON.stringify(value) ?? '';
  let extra = 0;
  for (const char of json) {
    if (char === '<') extra += 5;
    else if (char === '\u2028' || char === '\u2029') extra += 3;
  }
  return utf8.encode(key).length + utf8.encode(json).length + extra;
}

export type QuotaName = keyof typeof SYNC_QUOTAS;

/** Which limit a `storage.sync` error names, if any (older Chromes said `Resource::kQuotaBytes…`). */
export function quotaNamed(error: unknown): QuotaName | null {
  const message = error instanceof Error ? error.message : String(error);
  if (/MAX_WRITE_OPERATIONS_PER_MINUTE/.test(message)) return 'MAX_WRITE_OPERATIONS_PER_MINUTE';
  if (/MAX_WRITE_OPERATIONS_PER_HOUR/.test(message)) return 'MAX_WRITE_OPERATIONS_PER_HOUR';
  if (/QUOTA_BYTES_PER_ITEM|kQuotaBytesPerItem/.test(message)) return 'QUOTA_BYTES_PER_ITEM';
  if (/QUOTA_BYTES|kQuotaBytes/.test(message)) return 'QUOTA_BYTES';
  if (/MAX_ITEMS|kMaxItems/.test(message)) return 'MAX_ITEMS';
  return null;
}
