import { describe, expect, it } from 'vitest';
import { createEffectiveCatalog } from '@/lib/catalog-updates/effective-catalog';
import { ARTICLES } from '@/lib/corpus/catalog';
import { describeFilterTag, filterTagChoices, getFilterTags } from '@/lib/popup/popup-results';

// QA pass: the popup's tag filter offered the blog's tags alone, so a tag only the user uses was no
// choice, and "redis (8)" left out the saved page the user had tagged "redis".
describe("the popup's tag filter choices", () => {
  const [blogTag, blogCount] = getFilterTags()[0] as readonly [string, number];
  const page = (...tags: string[]) => ({ articleId: null, tags });

  it("add the user's own tags, count their items in a blog tag's count, and keep the blog's case", () => {
    const choices = filterTagChoices([page('zestytag'), page('zestytag', blogTag.toUpperCase())]);
    expect(choices).toContainEqual(['zestytag', 2]);
    expect(choices).toContainEqual([blogTag, blogCount + 1]);
    expect(choices.filter(([name]) => name.toLowerCase() === blogTag.toLowerCase())).toHaveLength(1);
    const names = choices.map(([name]) => name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });

  // Review: a saved blog article the user gave its own topic tag was counted twice ("redis (9)", 8 rows).
  it('count a saved blog article once in a tag it already has', () => {
    const article = ARTICLES.find((a) => a.tags.includes(blogTag));
    expect(article).toBeDefined();
    const choices = filterTagChoices([{ articleId: article!.id, tags: [blogTag, 'mine'] }]);
    expect(choices).toContainEqual([blogTag, blogCount]);
    expect(choices).toContainEqual(['mine', 1]);
  });

  it('keep the chosen tag while nothing is known to have it, shown by its name', () => {
    const choices = filterTagChoices([], 'zestytag');
    expect(choices).toContainEqual(['zestytag', 0]);
    expect(describeFilterTag(['zestytag', 0])).toBe('zestytag');
    expect(describeFilterTag([blogTag, blogCount])).toBe(`${blogTag} (${blogCount})`);
    expect(filterTagChoices([], blogTag)).toEqual(getFilterTags());
  });

  // QA pass: the counts looked articles up in the bundled catalog, so an article learned from the blog
  // ("Update articles from the blog") was not counted in its own tags, saved or not.
  it('count an article learned from the blog, saved with the user’s tags, as a bundled one', () => {
    const source = { from: 'page' as const, url: 'https://webcoderspeed.com/blog/scaling/vector-clocks', learnedAt: 1 };
    const catalog = createEffectiveCatalog(ARTICLES, [
      {
        kind: 'learned',
        id: 'vector-clocks',
        fields: {
          url: { value: 'https://webcoderspeed.com/blog/scaling/vector-clocks', source },
          title: { value: 'Vector Clocks', source },
          tags: { value: [blogTag, 'causality'], source },
        },
      },
    ]);
    expect(filterTagChoices([], null, catalog)).toContainEqual([blogTag, blogCount + 1]);
    // Saved, and given one of its own tags and one of the user's: counted once in its own.
    const saved = { articleId: 'vector-clocks', tags: [blogTag.toUpperCase(), 'mine'] };
    const choices = filterTagChoices([saved], null, catalog);
    expect(choices).toContainEqual([blogTag, blogCount + 1]);
    expect(choices).toContainEqual(['mine', 1]);
    // As a bundled article with the same tags is counted.
    const bundled = ARTICLES.find((a) => a.tags.includes(blogTag))!;
    const asBundled = filterTagChoices([{ articleId: bundled.id, tags: [blogTag.toUpperCase(), 'mine'] }]);
    expect(asBundled).toContainEqual([blogTag, blogCount]);
    expect(asBundled).toContainEqual(['mine', 1]);
  });
});
