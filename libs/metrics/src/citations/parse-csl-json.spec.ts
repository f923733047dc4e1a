import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BibliographyError } from './bibliography-error';
import { parseCslJsonBibliography } from './parse-csl-json';

const CSL = [
  {
    id: 'devlin2019',
    type: 'paper-conference',
    title: 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
    author: [
      { family: 'Devlin', given: 'Jacob' },
      { family: 'Chang', given: 'Ming-Wei' },
    ],
    issued: { 'date-parts': [[2019, 6]] },
    DOI: '10.18653/V1/N19-1423',
  },
  {
    id: 42,
    title: '<i>What is Life?</i> The Physical Aspect of the Living Cell',
    author: [{ literal: 'Erwin Schrödinger' }],
    issued: { raw: '1944' },
  },
  {
    id: 'vaswani',
    title: 'Attention Is All You Need',
    editor: [{ family: 'Guyon' }],
    issued: { 'date-parts': [['2017']] },
    URL: 'https://arxiv.org/abs/1706.03762v5',
  },
];

describe('parseCslJsonBibliography', () => {
  const expected = [
    {
      id: 'devlin2019',
      title: 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
      authors: ['Devlin', 'Chang'],
      year: 2019,
      doi: '10.18653/v1/n19-1423',
    },
    {
      id: '42',
      title: 'What is Life? The Physical Aspect of the Living Cell',
      authors: ['Erwin Schrödinger'],
      year: 1944,
    },
    {
      id: 'vaswani',
      title: 'Attention Is All You Need',
      authors: ['Guyon'],
      year: 2017,
      arxivId: '1706.03762',
    },
  ];

  it('reads parsed CSL-JSON items', () => {
    assert.deepEqual(parseCslJsonBibliography(CSL), expected);
  });

  it('reads CSL-JSON text', () => {
    assert.deepEqual(parseCslJsonBibliography(JSON.stringify(CSL)), expected);
  });

  it('reads an empty array as no entries', () => {
    assert.deepEqual(parseCslJsonBibliography('[]'), []);
  });

  it('rejects text that is not JSON', () => {
    assert.throws(() => parseCslJsonBibliography('{oops'), /CSL-JSON is not valid JSON/);
  });

  it('rejects items of the wrong shape, naming the item and field', () => {
    assert.throws(
      () => parseCslJsonBibliography([{ id: 'a', title: 7 }]),
      (error: unknown) => error instanceof BibliographyError && /0\.title:/.test(error.message),
    );
    assert.throws(() => parseCslJsonBibliography({ id: 'a' }), /\(root\):/);
  });

  it('rejects duplicate ids', () => {
    assert.throws(() => parseCslJsonBibliography([{ id: 1 }, { id: '1' }]), /id 1 appears twice/);
  });
});
