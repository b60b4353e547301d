import { describe, expect, it } from 'vitest';
import { countedUnitOf, readMinutesOf } from '@/lib/capture/reading-time';

const times = (text: string, n: number) => Array.from({ length: n }, () => text).join(' ');

describe('reading time of a copy', () => {
  it('reads words between spaces at 230 a minute, and is never under a minute', () => {
    expect(readMinutesOf(times('one two three four five six seven eight nine ten', 230))).toBe(10);
    expect(readMinutesOf('A short note.')).toBe(1);
    expect(readMinutesOf('')).toBe(1);
  });

  it('reads Chinese at 255 characters a minute, not a few "words" between spaces', () => {
    // 19 characters and two marks of punctuation, which are no word.
    const sentence = '数据库连接池在高并发下耗尽时，应用会卡住。';
    expect(readMinutesOf(sentence.repeat(300))).toBe(Math.round((19 * 300) / 255));
  });

  it('reads Japanese (a text with kana) at 357 characters a minute', () => {
    // 25 characters of kanji and kana, and two marks of punctuation.
    const sentence = '日本語のテキストを読む速さは、かなと漢字で変わります。';
    expect(readMinutesOf(sentence.repeat(400))).toBe(Math.round((25 * 400) / 357));
    // Counted as Chinese, or each character as a word, it would be a third longer or more.
    expect(readMinutesOf(sentence.repeat(400))).toBeLessThan(Math.round((25 * 400) / 255));
  });

  it('reads a Chinese article quoting a Japanese title as Chinese: only a text mostly of kana is Japanese', () => {
    const sentence = '数据库连接池在高并发下耗尽时，应用会卡住。';
    expect(readMinutesOf(`${sentence.repeat(300)}『君の名は。』`)).toBe(Math.round((19 * 300 + 5) / 255));
  });

  it('counts a character beyond the first plane once, and half-width katakana and their marks as kana', () => {
    // 𠀀 (U+20000) is two UTF-16 units.
    expect(readMinutesOf('𠀀'.repeat(2550))).toBe(10);
    // Ten characters (the half-width sound mark is one), all kana: Japanese.
    expect(readMinutesOf('ｽｰﾊﾟｰﾏｰｹｯﾄ'.repeat(1000))).toBe(Math.round(10_000 / 357));
  });

  it('reads Thai by its words, not its letters', () => {
    // 43 letters and marks, about 11 words.
    const sentence = 'ภาษาไทยเขียนติดกันโดยไม่มีช่องว่างระหว่างคำ';
    const minutes = readMinutesOf(times(sentence, 300));
    expect(minutes).toBeGreaterThanOrEqual(Math.round((8 * 300) / 230));
    expect(minutes).toBeLessThanOrEqual(Math.round((14 * 300) / 230));
    expect(minutes).toBeLessThan(Math.round((44 * 300) / 230) / 2);
  });

  it('counts an English text quoting a few Chinese words by its English words', () => {
    const english = times('Shelf keeps the pages you save readable offline for later', 210);
    expect(readMinutesOf(`${english} 值班`)).toBe(readMinutesOf(english));
  });
});

describe('what a copy’s count counts', () => {
  it('characters for languages written without spaces, words for the others and for an unknown language', () => {
    expect(countedUnitOf('zh-CN')).toBe('characters');
    expect(countedUnitOf('ja')).toBe('characters');
    expect(countedUnitOf('th_TH')).toBe('characters');
    expect(countedUnitOf('ko')).toBe('words');
    expect(countedUnitOf('en-GB')).toBe('words');
    expect(countedUnitOf(null)).toBe('words');
    expect(countedUnitOf('')).toBe('words');
  });

  it('by the text’s script when the page declares no language', () => {
    const chinese = '新闻报道说，今天上午的会议讨论了城市交通的问题。';
    expect(countedUnitOf(null, chinese)).toBe('characters');
    expect(countedUnitOf('', `${chinese} Reuters`)).toBe('characters');
    expect(countedUnitOf(undefined, 'タイトルについての記事です。')).toBe('characters');
    expect(countedUnitOf(null, 'An English article quoting 值班 once.')).toBe('words');
    expect(countedUnitOf(null, '한국어 기사는 띄어쓰기를 합니다')).toBe('words');
    expect(countedUnitOf(null, '')).toBe('words');
    // A declared language decides, whatever the text.
    expect(countedUnitOf('en', chinese)).toBe('words');
  });
});
