import { describe, expect, it } from 'vitest';
import { getBadgeText } from '@/lib/background/badge';

describe('badge text', () => {
  it('shows the unread count, nothing at zero or when turned off, and caps long numbers', () => {
    expect(getBadgeText(3, true)).toBe('3');
    expect(getBadgeText(0, true)).toBe('');
    expect(getBadgeText(3, false)).toBe('');
    expect(getBadgeText(12_345, true)).toBe('999+');
  });
});
