import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MessageLine } from '@/components/message-line';

// Live regions added already holding their text are often not announced.
describe('MessageLine', () => {
  it('says a result in a status region there before it, and a failure as an alert', () => {
    const { rerender } = render(<MessageLine message={null} />);
    const region = screen.getByRole('status');
    expect(region.textContent).toBe('');
    rerender(<MessageLine message={{ kind: 'ok', text: 'Exported 3 items.' }} />);
    expect(screen.getByRole('status')).toBe(region);
    expect(region.textContent).toBe('Exported 3 items.');
    rerender(<MessageLine message={{ kind: 'error', text: 'Could not export.' }} />);
    expect(screen.getByRole('alert').textContent).toBe('Could not export.');
    expect(region.textContent).toBe('');
  });
});
