import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BIBLIOGRAPHY } from './bibliography.fixture';
import type { Citation } from './citation.types';
import { verifyCitation, type VerifyOptions } from './verify-citation';

const RESNET_DOI = '10.1109/cvpr.2016.90';
const BERT_DOI = '10.18653/v1/n19-1423';
const cite = (fields: Omit<Citation, 'text' | 'source'>): Citation => ({
  text: 'cited',
  source: 'reference_entry',
  ...fields,
});
const check = (fields: Omit<Citation, 'text' | 'source'>, options?: VerifyOptions) => {
  const { citation: _citation, ...rest } = verifyCitation(cite(fields), BIBLIOGRAPHY, options);
  return rest;
};

describe('verifyCitation by DOI and arXiv id', () => {
  it('verifies a citation whose DOI, title, author and year agree', () => {
    const fields = {
      title: 'Deep residual learning for image recognition',
      firstAuthor: 'He',
      year: 2016,
      doi: RESNET_DOI,
    };
    assert.deepEqual(check(fields), {
      status: 'verified',
      entryId: 'he2016',
      matchedBy: 'doi',
      titleScore: 100,
      problems: [],
    });
  });

  it('verifies a bare DOI', () => {
    assert.deepEqual(check({ doi: BERT_DOI }), {
      status: 'verified',
      entryId: 'devlin2019',
      matchedBy: 'doi',
      titleScore: null,
      problems: [],
    });
  });

  it('calls a known DOI on another listed work wrong metadata of that work', () => {
    assert.deepEqual(check({ title: 'Attention Is All You Need', doi: RESNET_DOI }), {
      status: 'wrong_metadata',
      entryId: 'vaswani2017',
      matchedBy: 'title',
      titleScore: 100,
      problems: ['doi'],
    });
  });

  it('calls a known DOI on an unknown title wrong metadata with a wrong title', () => {
    // "deep identity in mappings networks residual" vs "deep for image learning recognition
    // residual": d = 37 of L = 87, 50/87 = 57.5 -> 57.
    assert.deepEqual(
      check({ title: 'Identity Mappings in Deep Residual Networks', doi: RESNET_DOI }),
      {
        status: 'wrong_metadata',
        entryId: 'he2016',
        matchedBy: 'doi',
        titleScore: 57,
        problems: ['title'],
      },
    );
  });

  it('matches an arXiv id, and reads an author and year off by more than a year as wrong', () => {
    assert.deepEqual(check({ arxivId: '1706.03762', firstAuthor: 'Shazeer', year: 2015 }), {
      status: 'wrong_metadata',
      entryId: 'vaswani2017',
      matchedBy: 'arxiv',
      titleScore: null,
      problems: ['author', 'year'],
    });
  });
});

describe('verifyCitation by title', () => {
  it('matches a title at 86, above the default threshold of 85', () => {
    assert.deepEqual(check({ title: 'Deep Residual Networks for Image Recognition' }), {
      status: 'verified',
      entryId: 'he2016',
      matchedBy: 'title',
      titleScore: 86,
      problems: [],
    });
  });

  it('does not match a title at 84, reporting the closest score', () => {
    assert.deepEqual(check({ title: 'Deep Residual Learning for Pattern Recognition' }), {
      status: 'unsupported',
      entryId: null,
      matchedBy: null,
      titleScore: 84,
      problems: [],
    });
  });

  it('matches a title at 84 when the threshold is lowered to 84', () => {
    const verdict = check(
      { title: 'Deep Residual Learning for Pattern Recognition' },
      { titleThreshold: 84 },
    );
    assert.equal(verdict.status, 'verified');
    assert.equal(verdict.entryId, 'he2016');
  });

  it('reads a wrong first author as wrong metadata', () => {
    assert.deepEqual(
      check({ title: 'Attention is all you need', firstAuthor: 'Hinton', year: 2017 }),
      {
        status: 'wrong_metadata',
        entryId: 'vaswani2017',
        matchedBy: 'title',
        titleScore: 100,
        problems: ['author'],
      },
    );
  });

  it('accepts a year one off by default, and not when the tolerance is 0', () => {
    const fields = { title: 'Attention is all you need', firstAuthor: 'Vaswani', year: 2018 };
    assert.equal(check(fields).status, 'verified');
    assert.deepEqual(check({ ...fields, year: 2019 }).problems, ['year']);
    assert.deepEqual(check(fields, { yearTolerance: 0 }).problems, ['year']);
  });

  it('compares surnames without accents', () => {
    const fields = { title: 'What is Life?', firstAuthor: 'Schrodinger', year: 1944 };
    // A shorter title is not the listed one: "what is life" scores 38 against the full title.
    assert.equal(check(fields).status, 'unsupported');
    const full = { ...fields, title: 'What Is Life? The Physical Aspect of the Living Cell' };
    assert.deepEqual(check(full), {
      status: 'verified',
      entryId: 'schrodinger1944',
      matchedBy: 'title',
      titleScore: 100,
      problems: [],
    });
  });

  it('reads a DOI that is not the listed work’s as wrong metadata', () => {
    const fields = {
      title: 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
      doi: '10.1000/made-up',
    };
    assert.deepEqual(check(fields).problems, ['doi']);
    assert.equal(check(fields).status, 'wrong_metadata');
  });

  it('cannot fault a DOI when the listed work has none, but faults a different arXiv id', () => {
    assert.equal(
      check({ title: 'Attention Is All You Need', doi: '10.1000/made-up' }).status,
      'verified',
    );
    assert.deepEqual(
      check({ title: 'Attention Is All You Need', arxivId: '1234.56789' }).problems,
      ['arxiv'],
    );
  });
});

describe('verifyCitation of every listed author', () => {
  const resnet = { title: 'Deep Residual Learning for Image Recognition', year: 2016 };

  it('verifies a full, correct author list in any order', () => {
    assert.deepEqual(
      check({ ...resnet, firstAuthor: 'He', authors: ['He', 'Zhang', 'Ren', 'Sun'] }),
      {
        status: 'verified',
        entryId: 'he2016',
        matchedBy: 'title',
        titleScore: 100,
        problems: [],
      },
    );
    // A shortened list (the entry reads "He, Zhang, et al.") is checked on the names it gives.
    assert.equal(
      check({ ...resnet, firstAuthor: 'He', authors: ['He', 'Sun'] }).status,
      'verified',
    );
  });

  it('calls an invented co-author wrong metadata, naming the unknown author', () => {
    // Right title, year and first author; "Smith" is no author of the listed work.
    assert.deepEqual(
      check({ ...resnet, firstAuthor: 'He', authors: ['He', 'Zhang', 'Smith', 'Sun'] }),
      {
        status: 'wrong_metadata',
        entryId: 'he2016',
        matchedBy: 'title',
        titleScore: 100,
        problems: ['author'],
        unknownAuthors: ['Smith'],
      },
    );
  });

  it('reports the author problem once, before the year, with a wrong first author too', () => {
    const verdict = check({
      ...resnet,
      year: 2012,
      firstAuthor: 'Hinton',
      authors: ['Hinton', 'Zhang'],
    });
    assert.deepEqual([verdict.problems, verdict.unknownAuthors], [['author', 'year'], ['Hinton']]);
  });

  it('checks co-authors of a work matched by DOI', () => {
    const verdict = check({
      doi: BERT_DOI,
      firstAuthor: 'Devlin',
      authors: ['Devlin', 'Chang', 'Lee', 'Ng'],
    });
    assert.deepEqual(
      [verdict.status, verdict.matchedBy, verdict.unknownAuthors],
      ['wrong_metadata', 'doi', ['Ng']],
    );
  });

  it('does not fault co-authors of an entry whose list is cut short with "others"', () => {
    const cut = [
      {
        id: 'silver2016',
        title: 'Mastering the game of Go',
        authors: ['Silver', 'Huang', 'others'],
        year: 2016,
      },
    ];
    const verdict = verifyCitation(
      cite({
        title: 'Mastering the game of Go',
        firstAuthor: 'Silver',
        authors: ['Silver', 'Maddison'],
      }),
      cut,
    );
    assert.equal(verdict.status, 'verified');
  });
});

describe('verifyCitation by author and year', () => {
  it('verifies a citation with only a surname and a year within tolerance', () => {
    assert.deepEqual(check({ firstAuthor: 'Devlin', year: 2020 }), {
      status: 'verified',
      entryId: 'devlin2019',
      matchedBy: 'author_year',
      titleScore: null,
      problems: [],
    });
    assert.equal(check({ firstAuthor: 'Devlin', year: 2015 }).status, 'unsupported');
  });

  it('faults an unknown DOI given with a known author and year', () => {
    assert.deepEqual(
      check({ firstAuthor: 'Devlin', year: 2019, doi: '10.1000/made-up' }).problems,
      ['doi'],
    );
  });

  it('does not verify a known author and year under an unknown title', () => {
    const fields = { title: 'Cats Are All You Need', firstAuthor: 'Vaswani', year: 2017 };
    assert.equal(check(fields).status, 'unsupported');
  });
});

describe('verifyCitation of works not in the bibliography', () => {
  const invented = {
    title: 'Neural Networks Dream of Electric Sheep',
    firstAuthor: 'Dick',
    year: 1968,
  };

  it('calls them unsupported when the bibliography may be incomplete', () => {
    assert.equal(check(invented).status, 'unsupported');
    assert.equal(check(invented, { bibliographyComplete: false }).status, 'unsupported');
  });

  it('calls them fabricated when the bibliography is complete', () => {
    const verdict = check(invented, { bibliographyComplete: true });
    assert.equal(verdict.status, 'fabricated');
    assert.equal(verdict.entryId, null);
  });

  it('still verifies listed works when the bibliography is complete', () => {
    assert.equal(check({ doi: BERT_DOI }, { bibliographyComplete: true }).status, 'verified');
  });

  it('finds nothing in an empty bibliography', () => {
    const verdict = verifyCitation(
      cite({ title: 'Attention Is All You Need', doi: RESNET_DOI }),
      [],
    );
    assert.equal(verdict.status, 'unsupported');
    assert.equal(verdict.titleScore, null);
  });
});
