import type { BibliographyEntry } from './citation.types';

/** A small reference bibliography (real works and DOIs) shared by the citation specs. */
export const BIBTEX = String.raw`
@inproceedings{vaswani2017,
  title = {Attention Is All You Need},
  author = {Vaswani, Ashish and Shazeer, Noam and Parmar, Niki and Uszkoreit, Jakob and Jones, Llion and Gomez, Aidan N. and Kaiser, Lukasz and Polosukhin, Illia},
  booktitle = {Advances in Neural Information Processing Systems},
  year = {2017},
  eprint = {1706.03762v5},
  archivePrefix = {arXiv}
}
@inproceedings{devlin2019,
  title = {{BERT}: Pre-training of Deep Bidirectional Transformers for Language Understanding},
  author = {Devlin, Jacob and Chang, Ming-Wei and Lee, Kenton and Toutanova, Kristina},
  booktitle = {Proceedings of NAACL-HLT},
  year = {2019},
  doi = {10.18653/v1/N19-1423}
}
@inproceedings{he2016,
  title = {Deep Residual Learning for Image Recognition},
  author = {He, Kaiming and Zhang, Xiangyu and Ren, Shaoqing and Sun, Jian},
  booktitle = {CVPR},
  year = 2016,
  doi = {https://doi.org/10.1109/CVPR.2016.90}
}
@article{bender2021,
  title = {On the Dangers of Stochastic Parrots: Can Language Models Be Too Big?},
  author = {Bender, Emily M. and Gebru, Timnit and McMillan-Major, Angelina and Shmitchell, Shmargaret},
  journal = {FAccT},
  date = {2021-03},
  url = {https://doi.org/10.1145/3442188.3445922}
}
@book{schrodinger1944,
  title = {What is Life? The Physical Aspect of the Living \emph{Cell}},
  author = {Schr{\"o}dinger, Erwin},
  year = {1944},
  publisher = {Cambridge University Press}
}
`;

/** What BIBTEX holds. */
export const BIBLIOGRAPHY: BibliographyEntry[] = [
  {
    id: 'vaswani2017',
    title: 'Attention Is All You Need',
    authors: [
      'Vaswani',
      'Shazeer',
      'Parmar',
      'Uszkoreit',
      'Jones',
      'Gomez',
      'Kaiser',
      'Polosukhin',
    ],
    year: 2017,
    arxivId: '1706.03762',
  },
  {
    id: 'devlin2019',
    title: 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
    authors: ['Devlin', 'Chang', 'Lee', 'Toutanova'],
    year: 2019,
    doi: '10.18653/v1/n19-1423',
  },
  {
    id: 'he2016',
    title: 'Deep Residual Learning for Image Recognition',
    authors: ['He', 'Zhang', 'Ren', 'Sun'],
    year: 2016,
    doi: '10.1109/cvpr.2016.90',
  },
  {
    id: 'bender2021',
    title: 'On the Dangers of Stochastic Parrots: Can Language Models Be Too Big?',
    authors: ['Bender', 'Gebru', 'McMillan-Major', 'Shmitchell'],
    year: 2021,
    doi: '10.1145/3442188.3445922',
  },
  {
    id: 'schrodinger1944',
    title: 'What is Life? The Physical Aspect of the Living Cell',
    authors: ['Schrödinger'],
    year: 1944,
  },
];
