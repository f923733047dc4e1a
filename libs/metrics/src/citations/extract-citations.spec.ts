import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Citation } from './citation.types';
import { extractCitations } from './extract-citations';

/** The fields of each citation, without the span it was read from. */
const fields = (text: string): Omit<Citation, 'text'>[] =>
  extractCitations(text).map(({ text: _span, ...rest }) => rest);

describe('extractCitations on realistic answers', () => {
  it('reads a numbered Markdown list with DOIs, bold titles and nested fields', () => {
    const answer = `Here are three influential papers:

1. **"Attention Is All You Need"** – Vaswani et al., 2017. DOI: 10.48550/arXiv.1706.03762
2. **BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding** by Jacob Devlin et al. (2019). https://doi.org/10.18653/v1/N19-1423
3. **Deep Residual Learning for Image Recognition**
   - Authors: Kaiming He, Xiangyu Zhang, Shaoqing Ren, Jian Sun
   - Year: 2016
   - DOI: 10.1109/CVPR.2016.90

Let me know if you need more.`;
    assert.deepEqual(fields(answer), [
      {
        source: 'reference_entry',
        title: 'Attention Is All You Need',
        firstAuthor: 'Vaswani',
        year: 2017,
        doi: '10.48550/arxiv.1706.03762',
        arxivId: '1706.03762',
      },
      {
        source: 'reference_entry',
        title: 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
        firstAuthor: 'Devlin',
        year: 2019,
        doi: '10.18653/v1/n19-1423',
      },
      {
        source: 'reference_entry',
        title: 'Deep Residual Learning for Image Recognition',
        firstAuthor: 'He',
        authors: ['He', 'Zhang', 'Ren', 'Sun'],
        year: 2016,
        doi: '10.1109/cvpr.2016.90',
      },
    ]);
  });

  it('reads an APA reference list, ending a title at "?" before an italic venue', () => {
    const answer = `References

- Bender, E. M., Gebru, T., McMillan-Major, A., & Shmitchell, S. (2021). On the dangers of stochastic parrots: Can language models be too big? *Proceedings of FAccT*, 610–623. https://doi.org/10.1145/3442188.3445922
- Zhou, J. (2020). Is BERT really robust? A strong baseline for text attacks. In Proceedings of AAAI.
- Schrödinger, E. (1944). *What is life? The physical aspect of the living cell*. Cambridge University Press.`;
    assert.deepEqual(fields(answer), [
      {
        source: 'reference_entry',
        title: 'On the dangers of stochastic parrots: Can language models be too big?',
        firstAuthor: 'Bender',
        authors: ['Bender', 'Gebru', 'McMillan-Major', 'Shmitchell'],
        year: 2021,
        doi: '10.1145/3442188.3445922',
      },
      {
        source: 'reference_entry',
        title: 'Is BERT really robust? A strong baseline for text attacks',
        firstAuthor: 'Zhou',
        year: 2020,
      },
      {
        source: 'reference_entry',
        title: 'What is life? The physical aspect of the living cell',
        firstAuthor: 'Schrödinger',
        year: 1944,
      },
    ]);
  });

  it('reads an unbulleted reference list in ACL, APA and IEEE styles', () => {
    const answer = `References:
Jacob Devlin, Ming-Wei Chang, Kenton Lee, and Kristina Toutanova. 2019. BERT: Pre-training of deep bidirectional transformers for language understanding. In Proceedings of NAACL-HLT, pages 4171–4186.
He, K., Zhang, X., Ren, S., & Sun, J. (2016). Deep residual learning for image recognition. CVPR.
[3] A. Vaswani et al., "Attention is all you need," in Proc. NeurIPS, 2017, pp. 5998–6008.`;
    assert.deepEqual(fields(answer), [
      {
        source: 'reference_entry',
        title: 'BERT: Pre-training of deep bidirectional transformers for language understanding',
        firstAuthor: 'Devlin',
        authors: ['Devlin', 'Chang', 'Lee', 'Toutanova'],
        year: 2019,
      },
      {
        source: 'reference_entry',
        title: 'Deep residual learning for image recognition',
        firstAuthor: 'He',
        authors: ['He', 'Zhang', 'Ren', 'Sun'],
        year: 2016,
      },
      {
        source: 'reference_entry',
        title: 'Attention is all you need',
        firstAuthor: 'Vaswani',
        year: 2017,
      },
    ]);
  });

  it('reads Vancouver and MLA entries', () => {
    const answer = `1. Smith J, Jones K. A study of things. Nature. 2020;580:123-7. doi:10.1038/s41586-020-2012-7
2. Vaswani, Ashish, et al. "Attention Is All You Need." Advances in Neural Information Processing Systems, 2017.`;
    assert.deepEqual(fields(answer), [
      {
        source: 'reference_entry',
        title: 'A study of things',
        firstAuthor: 'Smith',
        authors: ['Smith', 'Jones'],
        year: 2020,
        doi: '10.1038/s41586-020-2012-7',
      },
      {
        source: 'reference_entry',
        title: 'Attention Is All You Need',
        firstAuthor: 'Vaswani',
        year: 2017,
      },
    ]);
  });

  it('reads quoted titles and author-year citations in prose, joining those next to each other', () => {
    const answer =
      'The Transformer was introduced in "Attention Is All You Need" (Vaswani et al., 2017). ' +
      'Devlin et al. (2019) then proposed BERT; see also (Brown et al., 2020; Radford & Narasimhan, 2018). ' +
      "Smith and Jones's (2020) survey is useful, as is “Neural Machine Translation by Jointly Learning to Align and Translate”.";
    assert.deepEqual(fields(answer), [
      { source: 'in_text', title: 'Attention Is All You Need', firstAuthor: 'Vaswani', year: 2017 },
      { source: 'in_text', firstAuthor: 'Devlin', year: 2019 },
      { source: 'in_text', firstAuthor: 'Brown', year: 2020 },
      { source: 'in_text', firstAuthor: 'Radford', year: 2018 },
      { source: 'in_text', firstAuthor: 'Smith', year: 2020 },
      {
        source: 'in_text',
        title: 'Neural Machine Translation by Jointly Learning to Align and Translate',
      },
    ]);
  });

  it('attaches a DOI to the citation just before it', () => {
    assert.deepEqual(
      fields('Bender et al. (2021), doi:10.1145/3442188.3445922, warned of risks.'),
      [{ source: 'in_text', firstAuthor: 'Bender', year: 2021, doi: '10.1145/3442188.3445922' }],
    );
  });

  it('does not join evidence across sentences or more than four words apart', () => {
    assert.deepEqual(
      fields(
        'Vaswani et al. (2017) was a landmark. "Deep Residual Learning for Image Recognition" too.',
      ),
      [
        { source: 'in_text', firstAuthor: 'Vaswani', year: 2017 },
        { source: 'in_text', title: 'Deep Residual Learning for Image Recognition' },
      ],
    );
    assert.deepEqual(
      fields(
        'He et al. (2016) wrote, to everyone\'s great surprise back then, "Deep Residual Learning".',
      ),
      [
        { source: 'in_text', firstAuthor: 'He', year: 2016 },
        { source: 'in_text', title: 'Deep Residual Learning' },
      ],
    );
  });

  it('counts a work cited in the text and in the reference list once', () => {
    const answer = `As Vaswani et al. (2017) showed, attention suffices.

[1] Vaswani, A., et al. (2017). Attention is all you need. NeurIPS.`;
    assert.deepEqual(fields(answer), [
      {
        source: 'reference_entry',
        title: 'Attention is all you need',
        firstAuthor: 'Vaswani',
        year: 2017,
      },
    ]);
  });

  it('reads a list item with several author-year citations as prose', () => {
    assert.deepEqual(
      fields('- Transformers (Vaswani et al., 2017) and BERT (Devlin et al., 2019) changed NLP.'),
      [
        { source: 'in_text', firstAuthor: 'Vaswani', year: 2017 },
        { source: 'in_text', firstAuthor: 'Devlin', year: 2019 },
      ],
    );
  });

  it('reads accented names and guillemet titles', () => {
    assert.deepEqual(
      fields('Je pense que « Le Petit Prince » (Saint-Exupéry, 1943) est un classique.'),
      [{ source: 'in_text', title: 'Le Petit Prince', firstAuthor: 'Saint-Exupéry', year: 1943 }],
    );
  });
});

describe('extractCitations reads every author of a reference entry', () => {
  const authors = (text: string) => extractCitations(text).map((c) => c.authors);

  it('in IEEE and MLA lists, and drops "et al." keeping the names given', () => {
    assert.deepEqual(
      authors(`[1] A. Vaswani, N. Shazeer, and N. Parmar, "Attention is all you need," in Proc. NeurIPS, 2017.
[2] He, Kaiming, Xiangyu Zhang, and Jian Sun. "Deep Residual Learning for Image Recognition." CVPR, 2016.
[3] Devlin, J., Chang, M.-W., et al. (2019). BERT: Pre-training of deep bidirectional transformers. NAACL.`),
      [
        ['Vaswani', 'Shazeer', 'Parmar'],
        ['He', 'Zhang', 'Sun'],
        ['Devlin', 'Chang'],
      ],
    );
  });

  it('keeps name particles and middle initials out of the way', () => {
    assert.deepEqual(
      authors('1. René van der Wal and Christopher D. Manning. 2013. Some title here. In ACL.'),
      [['van der Wal', 'Manning']],
    );
  });

  it('gives no list for one author, "et al." alone, or a list that does not read as names', () => {
    assert.deepEqual(
      authors(`1. Vaswani, A., et al. (2017). Attention is all you need. NeurIPS.
2. Zhou, J. (2020). Is BERT really robust? In Proceedings of AAAI.
3. Attention Is All You Need, Ashish Vaswani, 2017.`),
      [undefined, undefined, undefined],
    );
  });
});

describe('extractCitations finds no citation', () => {
  it('in empty, punctuation-only or citation-free text', () => {
    for (const text of ['', '...?!', "I don't know of any papers on this topic."]) {
      assert.deepEqual(extractCitations(text), [], text);
    }
  });

  it('in dates, acronyms and sentence openers followed by a year', () => {
    const text =
      'In 2019 it was Published in June (2019). GPT-3 (2020) and In (2018) are not authors.';
    assert.deepEqual(extractCitations(text), []);
  });

  it('in emphasized phrases and topic headings without other evidence', () => {
    const text = `- **Self-attention:** every token attends to every other.
The **key idea** is that attention suffices.
- *Residual connections* help training.`;
    assert.deepEqual(extractCitations(text), []);
  });

  it('in a list item that merely mentions a work with a year in prose', () => {
    assert.deepEqual(fields('- The Transformer (Vaswani et al., 2017) replaced recurrence.'), [
      { source: 'reference_entry', firstAuthor: 'Vaswani', year: 2017 },
    ]);
  });
});

describe('extractCitations spans', () => {
  it('keeps the text each citation was read from', () => {
    const [citation] = extractCitations(
      'See [2] Devlin, J. (2019). BERT. NAACL.\n\n[2] Devlin, J. (2019). BERT: Pre-training. NAACL.',
    );
    assert.equal(citation.text, 'Devlin, J. (2019). BERT: Pre-training. NAACL.');
  });
});
