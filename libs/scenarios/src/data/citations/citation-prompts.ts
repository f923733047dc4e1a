import type { ScenarioItem } from '../../scenario-kind';
import { pipeTable } from '../pipe-table';

// id | field | request. Each asks for specific works that the reference bibliography holds.
const TABLE = `
c-01 | nlp        | Cite the paper that introduced the Transformer architecture.
c-02 | nlp        | Cite the paper that introduced BERT.
c-03 | vision     | List papers by Kaiming He on deep residual networks for image recognition.
c-04 | ml         | Cite the paper that introduced the Adam optimizer.
c-05 | nlp        | List papers by Tomas Mikolov on word2vec.
c-06 | nlp        | Cite the paper that introduced GloVe word vectors.
c-07 | ml         | Cite the original paper on long short-term memory (LSTM) networks.
c-08 | nlp        | Cite the paper that introduced the BLEU score for machine translation.
c-09 | nlp        | Cite the paper that introduced the SQuAD reading comprehension dataset.
c-10 | rl         | List papers by David Silver on AlphaGo and AlphaGo Zero.
c-11 | rl         | Cite the paper by Mnih and colleagues on human-level control in Atari games through deep reinforcement learning.
c-12 | vision     | Cite the paper that introduced the U-Net architecture for biomedical image segmentation.
c-13 | statistics | Cite the paper by Bradley Efron that introduced the bootstrap.
c-14 | statistics | Cite the paper by Benjamini and Hochberg that introduced the false discovery rate.
c-15 | ml         | Cite the paper by Leo Breiman that introduced random forests.
c-16 | ml         | Cite the paper that introduced XGBoost.
c-17 | ml         | Cite the Nature review titled "Deep learning" by LeCun, Bengio and Hinton.
c-18 | ml         | Cite the paper by Rumelhart, Hinton and Williams on learning representations by back-propagating errors.
`;

/** Built-in requests for references; attribute `field` is the research area. */
export const CITATION_PROMPTS: readonly ScenarioItem[] = pipeTable(TABLE, 3).map(
  ([id, field, request]) => ({ id, input: request, attributes: { field } }),
);
