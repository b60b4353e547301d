import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { restoreHeadingIds, setAsideHeadingIds } from '@/lib/capture/heading-ids';

describe('ids made of their headings’ words', () => {
  const doc = () =>
    new JSDOM(`<body>
      <div id="related-work"><h2>Related work¶</h2><p>Prior art.</p></div>
      <h3 id="comments-and-replies">Comments and replies</h3>
      <div id="share-box"><h2>Share this</h2></div>
      <div id="sidebar"><p>Links</p></div></body>`).window.document;

  it('are set aside for Readability, other ids left as they are, and given back', () => {
    const page = doc();
    setAsideHeadingIds(page);
    expect([...page.querySelectorAll('[id]')].map((element) => element.id)).toEqual(['share-box', 'sidebar']);
    restoreHeadingIds(page.body);
    expect([...page.querySelectorAll('[id]')].map((element) => element.id)).toEqual([
      'related-work',
      'comments-and-replies',
      'share-box',
      'sidebar',
    ]);
    expect(page.querySelector('[data-shelf-heading-id]')).toBeNull();
  });

  it('leave the id of a box whose one-word heading names its role ("Comments", "Related 3")', () => {
    const page = new JSDOM(`<body><div id="comments"><h2>Comments</h2><p>Nice.</p></div>
      <section id="related-3"><h3>Related (3)</h3></section><h2 id="share">Share</h2></body>`).window.document;
    setAsideHeadingIds(page);
    expect([...page.querySelectorAll('[id]')].map((element) => element.id)).toEqual(['comments', 'related-3', 'share']);
  });

  it('past an empty link target before the heading, and after a prefix of a letter or two (Django: `s-`)', () => {
    const page = new JSDOM(`<body>
      <div id="s-extra-niceties"><span id="extra-niceties"></span><h2>Extra niceties¶</h2><p>Colors.</p></div>
      <div id="related-posts-you-may-like"><h3>Posts you may like</h3></div>
      <div id="s-comments-box"><span>Read</span><h2>Comments box</h2></div></body>`).window.document;
    setAsideHeadingIds(page);
    expect([...page.querySelectorAll('[id]')].map((element) => element.id)).toEqual([
      'extra-niceties',
      'related-posts-you-may-like',
      's-comments-box',
    ]);
    restoreHeadingIds(page.body);
    expect(page.querySelector('#s-extra-niceties')).not.toBeNull();
  });

  // QA pass: PostgreSQL's "The Locking Clause", `<div class="refsect2" id="SQL-FOR-UPDATE-SHARE">`, was
  // dropped whole as a share box.
  it('set aside DocBook’s section ids, in capitals, under a heading naming a subject; not a lower-case box', () => {
    const page = new JSDOM(`<body>
      <div class="refsect2" id="SQL-FOR-UPDATE-SHARE"><h3>The Locking Clause</h3><p>Locks rows.</p></div>
      <div id="share-buttons"><h3>Share this post</h3></div>
      <div id="SHARE"><h3>Share this post</h3></div></body>`).window.document;
    setAsideHeadingIds(page);
    expect([...page.querySelectorAll('[id]')].map((element) => element.id)).toEqual(['share-buttons', 'SHARE']);
    restoreHeadingIds(page.body);
    expect(page.querySelector('#SQL-FOR-UPDATE-SHARE')).not.toBeNull();
  });

  it('leave an id in which Readability reads the article ("post", "content"), whose weight it would lose', () => {
    const page = new JSDOM(`<body><div id="s-server-side-cursors-on-postgresql"><span id="x"></span>
      <h2>Server-side cursors on PostgreSQL</h2></div></body>`).window.document;
    setAsideHeadingIds(page);
    expect(page.querySelector('#s-server-side-cursors-on-postgresql')).not.toBeNull();
  });

  it("never gives an id the page wrote as Shelf's own mark", () => {
    const page = new JSDOM('<body><div data-shelf-heading-id="main"><p>Words</p></div><h2 id="setup">Setup</h2></body>')
      .window.document;
    setAsideHeadingIds(page);
    restoreHeadingIds(page.body);
    expect([...page.querySelectorAll('[id]')].map((element) => element.id)).toEqual(['setup']);
    expect(page.querySelector('[data-shelf-heading-id]')).toBeNull();
  });
});
