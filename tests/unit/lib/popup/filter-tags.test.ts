import { describe, expect, it } from 'vitest';
import { describeFilterTag, filterTagChoices, getFilterTags } from '@/lib/popup/popup-results';

// QA pass: the popup's tag filter offered the blog's tags alone, so a tag only the user uses was no
// choice, and "redis (8)" left out the saved page the user had tagged "redis".
describe("the popup's tag filter choices", () => {
  const [blogTag, blogCount] = getFilterTags()[0] as readonly [string, number];

  it("add the user's own tags, count their items in a blog tag's count, and keep the blog's case", () => {
    const choices = filterTagChoices([
      { tag: 'zestytag', count: 2 },
      { tag: blogTag.toUpperCase(), count: 1 },
    ]);
    expect(choices).toContainEqual(['zestytag', 2]);
    expect(choices).toContainEqual([blogTag, blogCount + 1]);
    expect(choices.filter(([name]) => name.toLowerCase() === blogTag.toLowerCase())).toHaveLength(1);
    const names = choices.map(([name]) => name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });

  it('keep the chosen tag while nothing is known to have it, shown by its name', () => {
    const choices = filterTagChoices([], 'zestytag');
    expect(choices).toContainEqual(['zestytag', 0]);
    expect(describeFilterTag(['zestytag', 0])).toBe('zestytag');
    expect(describeFilterTag([blogTag, blogCount])).toBe(`${blogTag} (${blogCount})`);
    expect(filterTagChoices([], blogTag)).toEqual(getFilterTags());
  });
});
