import { describe, expect, it } from 'vitest';
import { hasRelatedDocs, installedPackages, type RelatedDocsSet } from '@/scripts/eval/related-docs';

describe('documentation sets: installed or not', () => {
  it('reads the packages of an install command, options and the note in parentheses aside', () => {
    expect(
      installedPackages(
        "apt-get install -y python3.11-doc git-doc nodejs-doc python-django-doc (nodejs-doc replaces NodeSource's nodejs package and its npm: then apt-get install -y npm)",
      ),
    ).toEqual(['python3.11-doc', 'git-doc', 'nodejs-doc', 'python-django-doc']);
    expect(installedPackages('apt-get install -y --no-install-recommends sqlite3-doc python-celery-doc')).toEqual([
      'sqlite3-doc',
      'python-celery-doc',
    ]);
  });

  // NodeSource's nodejs ships /usr/share/doc/nodejs/api/ too (another Node.js version than nodejs-doc's):
  // pages present under the set's paths are not the set's pages unless its packages are installed.
  it('counts a set as installed only when its packages are, whatever else put files at its paths', () => {
    const set: RelatedDocsSet = {
      install: 'apt-get install -y nodejs-doc git-doc',
      relevant: [{ path: 'package.json', expected: [] }],
      unrelated: ['tsconfig.json'],
    };
    expect(hasRelatedDocs(set, () => true)).toBe(true);
    expect(hasRelatedDocs(set, (pkg) => pkg !== 'nodejs-doc')).toBe(false);
    expect(hasRelatedDocs({ ...set, unrelated: ['no-such-file.html'] }, () => true)).toBe(false);
  });
});
