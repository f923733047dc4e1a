import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BIBLIOGRAPHY, BIBTEX } from './bibliography.fixture';
import { BibliographyError } from './bibliography-error';
import { parseBibtexBibliography } from './parse-bibtex';

describe('parseBibtexBibliography', () => {
  it('reads titles, surnames, years, DOIs and arXiv ids, with LaTeX turned into Unicode', () => {
    assert.deepEqual(parseBibtexBibliography(BIBTEX), BIBLIOGRAPHY);
  });

  it('uses editors or an organization when there is no personal author', () => {
    const entries = parseBibtexBibliography(String.raw`
      @book{who, title = {World Report}, author = {{World Health Organization}}, year = 2020}
      @book{ed, title = {Handbook of Things}, editor = {M{\"u}ller, J{\"o}rg}, date = {1999-05-01}}
    `);
    assert.deepEqual(entries, [
      { id: 'who', title: 'World Report', authors: ['World Health Organization'], year: 2020 },
      { id: 'ed', title: 'Handbook of Things', authors: ['Müller'], year: 1999 },
    ]);
  });

  it('finds an arXiv id in the journal field and keeps entries without title or year', () => {
    const entries = parseBibtexBibliography(String.raw`
      @article{b, title = {Language Models are Few-Shot Learners}, journal = {arXiv preprint arXiv:2005.14165}}
      @misc{bare, note = {personal communication}}
    `);
    assert.deepEqual(entries, [
      {
        id: 'b',
        title: 'Language Models are Few-Shot Learners',
        authors: [],
        arxivId: '2005.14165',
      },
      { id: 'bare', authors: [] },
    ]);
  });

  it('ignores unknown LaTeX commands in fields', () => {
    const entries = parseBibtexBibliography(
      String.raw`@misc{x, title = {A \mymacro{Title}}, year = 2001}`,
    );
    assert.equal(entries[0].year, 2001);
  });

  it('reads an empty bibliography as no entries', () => {
    assert.deepEqual(parseBibtexBibliography(''), []);
  });

  it('rejects a bibliography with a syntax error, naming it', () => {
    assert.throws(
      () => parseBibtexBibliography('@article{ok, title={Fine}}\n@misc{broken, title={Broken\n'),
      (error: unknown) =>
        error instanceof BibliographyError && /Unterminated brace-value/.test(error.message),
    );
  });

  it('rejects duplicate keys', () => {
    assert.throws(
      () => parseBibtexBibliography('@misc{a, title={One}}\n@misc{a, title={Two}}'),
      /BibTeX id a appears twice/,
    );
  });
});
