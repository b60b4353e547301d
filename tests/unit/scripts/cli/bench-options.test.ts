// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { BENCH_SECTIONS, BenchUsageError, readBenchOptions } from '@/scripts/cli/bench-options';

describe('npm run bench arguments', () => {
  it('runs every section, building the extension, by default', () => {
    const options = readBenchOptions([], 198);
    expect(options.sections).toEqual([...BENCH_SECTIONS]);
    expect(options.needsBuild).toBe(true);
    expect(options.searchSizes).toEqual([198, 2_000, 20_000, 100_000]);
    expect(options.librarySizes).toEqual([200, 2_000, 10_000]);
  });

  it('builds nothing when only Node sections are asked for', () => {
    const options = readBenchOptions(['--only', 'search,related'], 198);
    expect(options.sections).toEqual(['search', 'related']);
    expect(options.needsBuild).toBe(false);
    expect(readBenchOptions(['--only', 'popup'], 198).needsBuild).toBe(true);
    expect(readBenchOptions(['--only', 'highlights'], 198)).toMatchObject({
      sections: ['highlights'],
      needsBuild: false,
    });
    expect(readBenchOptions(['--only=library, capture'], 198).sections).toEqual(['library', 'capture']);
  });

  it('rejects a misspelt section, naming it and the sections there are', () => {
    expect(() => readBenchOptions(['--only', 'serach'], 198)).toThrow(BenchUsageError);
    expect(() => readBenchOptions(['--only', 'search,popop'], 198)).toThrow(/"popop".*search, library, related/);
    expect(() => readBenchOptions(['--only', ''], 198)).toThrow(BenchUsageError);
  });

  it('reads sizes, and rejects what is not a list of positive whole numbers', () => {
    expect(readBenchOptions(['--search-sizes', '198,2000'], 198).searchSizes).toEqual([198, 2_000]);
    expect(readBenchOptions(['--library-sizes', '200'], 198).librarySizes).toEqual([200]);
    for (const bad of ['2k', '0', '-5', '200,', '1.5'])
      expect(() => readBenchOptions([`--library-sizes=${bad}`], 198), bad).toThrow(/positive whole numbers/);
  });

  it('rejects an unknown flag', () => {
    expect(() => readBenchOptions(['--sizes', '200'], 198)).toThrow(BenchUsageError);
  });
});
