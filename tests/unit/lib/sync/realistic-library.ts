import { ARTICLES } from '@/lib/corpus/catalog';
import { articleItemId, pageItemId } from '@/lib/db/ids';
import type { SyncItem } from '@/lib/sync/local-state';
import { createRandom } from '@/scripts/eval/synthetic-corpus';

/**
 * A library shaped like a real one, the same every run: a fifth bundled articles, the rest pages
 * from news sites, blogs, forums, code hosts and video (addresses built the way those sites build
 * them), titles of 5–12 words from the catalog's text, 40 % unread, 10 % reading, 35 % done, 15 %
 * archived; half without tags, the rest 1–3 of 30; one in seven with a note of 40–200 characters;
 * reading progress on most read items; saved over two years.
 */
const SITES: readonly ((slug: string, r: () => number) => string)[] = [
  (s, r) => `https://www.nytimes.com/2024/0${1 + Math.floor(r() * 9)}/1${Math.floor(r() * 9)}/technology/${s}.html`,
  (s, r) => `https://arstechnica.com/science/2024/0${1 + Math.floor(r() * 9)}/${s}/`,
  (s, r) => `https://medium.com/@${word(r)}${word(r)}/${s}-${hex(r, 12)}`,
  (_, r) => `https://github.com/${word(r)}/${word(r)}-${word(r)}`,
  (s) => `https://en.wikipedia.org/wiki/${s.split('-').slice(0, 3).map(capital).join('_')}`,
  (s, r) =>
    `https://www.theverge.com/2024/${1 + Math.floor(r() * 12)}/${1 + Math.floor(r() * 28)}/${24000000 + Math.floor(r() * 999999)}/${s}`,
  (_, r) => `https://news.ycombinator.com/item?id=${39000000 + Math.floor(r() * 2000000)}`,
  (_, r) => `https://www.bbc.com/news/technology-${68000000 + Math.floor(r() * 999999)}`,
  (_, r) => `https://lwn.net/Articles/${960000 + Math.floor(r() * 30000)}/`,
  (s) => `https://blog.cloudflare.com/${s}/`,
  (s, r) => `https://stackoverflow.com/questions/${70000000 + Math.floor(r() * 9000000)}/${s}`,
  (s, r) => `https://dev.to/${word(r)}/${s}-${hex(r, 4)}`,
  (_, r) => `https://www.youtube.com/watch?v=${base64(r, 11)}`,
  (s, r) => `https://${word(r)}.substack.com/p/${s}`,
  (s) => `https://martinfowler.com/articles/${s}.html`,
  (s, r) => `https://www.washingtonpost.com/technology/2024/0${1 + Math.floor(r() * 9)}/1${Math.floor(r() * 9)}/${s}/`,
  (s, r) => `https://www.reddit.com/r/${word(r)}/comments/${base36(r, 6)}/${s.replaceAll('-', '_')}/`,
  (s) => `https://www.smashingmagazine.com/2024/05/${s}/`,
  (s, r) => `https://www.theguardian.com/technology/2024/may/${1 + Math.floor(r() * 28)}/${s}`,
  (s, r) => `https://engineering.${word(r)}.com/blog/${s}`,
];

const WORDS = ARTICLES.flatMap((a) => `${a.title} ${a.summary}`.split(/\s+/)).filter((w) => /^[A-Za-z][a-z]+$/.test(w));
const TAGS = [...new Set(ARTICLES.flatMap((a) => a.tags))].slice(0, 30);

function word(r: () => number): string {
  return (WORDS[Math.floor(r() * WORDS.length)] as string).toLowerCase();
}
function capital(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1);
}
function fromAlphabet(alphabet: string, r: () => number, n: number): string {
  return Array.from({ length: n }, () => alphabet[Math.floor(r() * alphabet.length)]).join('');
}
const hex = (r: () => number, n: number) => fromAlphabet('0123456789abcdef', r, n);
const base36 = (r: () => number, n: number) => fromAlphabet('0123456789abcdefghijklmnopqrstuvwxyz', r, n);
const base64 = (r: () => number, n: number) =>
  fromAlphabet('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_', r, n);

const DAY = 86_400_000;

export function realisticLibrary(count: number, { seed = 7, now = Date.UTC(2026, 4, 1) } = {}): SyncItem[] {
  const r = createRandom(seed);
  const sentence = (n: number) => Array.from({ length: n }, () => word(r)).join(' ');
  const items: SyncItem[] = [];
  const articles = [...ARTICLES];
  for (let i = 0; i < count; i++) {
    const addedAt = now - Math.floor(r() * 730 * DAY);
    const roll = r();
    const status = roll < 0.4 ? 'unread' : roll < 0.5 ? 'reading' : roll < 0.85 ? 'done' : 'archived';
    const statusAt = status === 'unread' ? addedAt : addedAt + Math.floor(r() * 20 * DAY);
    const tagCount = r() < 0.5 ? 0 : 1 + Math.floor(r() * 3);
    const tags = [...new Set(Array.from({ length: tagCount }, () => TAGS[Math.floor(r() * TAGS.length)] as string))];
    const note = r() < 1 / 7 ? `${capital(sentence(6 + Math.floor(r() * 25)))}.`.slice(0, 200) : '';
    const read = status !== 'unread' && r() < 0.7;
    const fraction = status === 'done' ? 1 : r();
    let id: string;
    let url: string | null;
    let title: string;
    if (i % 5 === 0 && articles.length > 0) {
      const article = articles.splice(Math.floor(r() * articles.length), 1)[0]!;
      id = articleItemId(article.id);
      url = article.url;
      title = article.title;
    } else {
      title = capital(sentence(5 + Math.floor(r() * 8)));
      const slug = title.toLowerCase().split(' ').slice(0, 8).join('-');
      url = (SITES[Math.floor(r() * SITES.length)] as (typeof SITES)[number])(slug, r);
      id = pageItemId(url);
    }
    items.push({
      id,
      url,
      title,
      status,
      tags,
      note,
      addedAt,
      changedAt: {
        status: statusAt,
        title: addedAt,
        tags: tagCount > 0 ? addedAt + Math.floor(r() * 3 * DAY) : addedAt,
        note: note ? addedAt + Math.floor(r() * 10 * DAY) : addedAt,
      },
      progress: read
        ? { fraction, scrollFraction: fraction, scrollY: Math.round(fraction * 9000), updatedAt: statusAt }
        : null,
    });
  }
  return items;
}
