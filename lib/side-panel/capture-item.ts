import { browser } from 'wxt/browser';
import { sendRequest } from '@/lib/messaging/client';
import { originPattern } from '@/lib/net/fetch-page';

export type CaptureOutcome = { ok: true; title: string } | { ok: false; message: string };

/**
 * "Capture now" on a saved link without a copy: asks for the permission to read its site (this
 * must be the click's first call: the browser's prompt needs the gesture), then has the background
 * fetch and capture the page.
 */
export async function captureItemNow(itemId: string, url: string): Promise<CaptureOutcome> {
  const pattern = originPattern(url);
  if (!pattern) return { ok: false, message: 'Shelf can keep copies of web pages (http and https) only.' };
  const granted = await browser.permissions.request({ origins: [pattern] }).catch(() => false);
  const host = new URL(url).host;
  if (!granted) {
    return { ok: false, message: `To keep a copy, Shelf needs your permission to read ${host}; it was not given.` };
  }
  try {
    return { ok: true, title: (await sendRequest({ type: 'capture-item', itemId })).title };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}
