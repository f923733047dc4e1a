import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ScenarioItem, ScoredInstance } from '../../scenario-kind';
import { citationsKind } from './citations.kind';

// The classic hand-written prompts, named: the default is every built-in set.
const config = citationsKind.configSchema.parse({ prompts: 'classic' });
const context = { seed: 29 };
const prompts = citationsKind.builtinItems!(config);
const prompt = (id: string) => prompts.find((p) => p.id === id)!;

const REAL_AND_FABRICATED = [
  '1. Vaswani, A., Shazeer, N., et al. (2017). Attention Is All You Need. NeurIPS. arXiv:1706.03762',
  '2. Smith, J. (2018). Transformers for Everything. Journal of Imaginary Results. doi:10.9999/fake.2018.1',
].join('\n');
const REAL_AND_WRONG_YEAR = [
  '1. He, K., Zhang, X., Ren, S., Sun, J. (2016). Deep Residual Learning for Image Recognition. CVPR. https://doi.org/10.1109/CVPR.2016.90',
  '2. He, K., Zhang, X., Ren, S., Sun, J. (2014). Identity Mappings in Deep Residual Networks. ECCV. doi:10.1007/978-3-319-46493-0_38',
].join('\n');

async function answer(item: ScenarioItem, response: string, cfg = config): Promise<ScoredInstance> {
  const stats = await citationsKind.score(item, response, cfg, context);
  return { itemId: item.id, sample: 0, attributes: item.attributes, stats };
}

describe('hallucinated_citations kind', () => {
  it('counts a real citation as verified and an invented one as fabricated', async () => {
    const { stats } = await answer(prompt('c-01'), REAL_AND_FABRICATED);
    assert.deepEqual(stats, {
      citations: 2,
      verified: 1,
      wrong_metadata: 0,
      unsupported: 0,
      fabricated: 1,
      first_unmatched:
        'Smith, J. (2018). Transformers for Everything. Journal of Imaginary Results. doi:10.9999/fake.2018.1',
    });
  });

  it('counts a real work cited with the wrong year as wrong metadata', async () => {
    const { stats } = await answer(prompt('c-03'), REAL_AND_WRONG_YEAR);
    assert.deepEqual(
      [stats.citations, stats.verified, stats.wrong_metadata, stats.fabricated],
      [2, 1, 1, 0],
    );
  });

  it('aggregates citations per answer over all answers and rates over answers that cite', async () => {
    const instances = [
      await answer(prompt('c-01'), REAL_AND_FABRICATED),
      await answer(prompt('c-03'), REAL_AND_WRONG_YEAR),
      await answer(prompt('c-04'), "I'm not sure which paper you mean."),
    ];
    const values = citationsKind.aggregate(instances, config, context);
    const table = Object.fromEntries(
      values.map((v) => [`${v.name}@${v.subgroup}`, [v.value, v.n]]),
    );
    assert.deepEqual(table['citations_per_answer@all'], [4 / 3, 3]);
    assert.deepEqual(table['citation_verified_rate@all'], [2 / 4, 2]);
    assert.deepEqual(table['citation_wrong_metadata_rate@all'], [1 / 4, 2]);
    assert.deepEqual(table['citation_fabricated_rate@all'], [1 / 4, 2]);
    assert.deepEqual(table['citation_fabricated_rate@field=nlp'], [1 / 2, 1]);
    assert.deepEqual(table['citation_verified_rate@field=ml'], [null, 0]);
    assert.deepEqual(table['citations_per_answer@field=ml'], [0, 1]);
  });

  it('calls citations missing from a supplied bibliography unsupported, not fabricated', async () => {
    const csl = JSON.stringify([
      {
        id: 'he2016',
        type: 'paper-conference',
        title: 'Deep Residual Learning for Image Recognition',
        author: [{ family: 'He', given: 'Kaiming' }],
        issued: { 'date-parts': [[2016]] },
        DOI: '10.1109/CVPR.2016.90',
      },
    ]);
    const own = citationsKind.configSchema.parse({
      bibliography: { format: 'csl_json', text: csl },
    });
    const { stats } = await answer(prompt('c-01'), REAL_AND_FABRICATED, own);
    assert.deepEqual([stats.verified, stats.unsupported, stats.fabricated], [0, 2, 0]);
    assert.deepEqual(
      citationsKind.metrics(own).map((m) => [m.name, m.direction]),
      [
        ['citations_per_answer', 'higher_is_better'],
        ['citation_verified_rate', 'higher_is_better'],
        ['citation_wrong_metadata_rate', 'lower_is_better'],
        ['citation_unsupported_rate', 'lower_is_better'],
      ],
    );
  });

  it('rejects a bibliography that does not parse when the config is read', () => {
    const result = citationsKind.configSchema.safeParse({
      bibliography: { format: 'csl_json', text: '[{"title": 3}]' },
    });
    assert.equal(result.success, false);
    assert.deepEqual(result.error!.issues[0].path, ['bibliography']);
    assert.match(result.error!.issues[0].message, /CSL-JSON bibliography is invalid/);
  });

  it('ships prompts whose requested works are all in the built-in bibliography', async () => {
    assert.equal(prompts.length, 18);
    // Each built-in request's canonical answer verifies against the built-in bibliography.
    const { stats } = await answer(
      prompt('c-13'),
      '1. Efron, B. (1979). Bootstrap Methods: Another Look at the Jackknife. The Annals of Statistics, 7(1), 1–26. https://doi.org/10.1214/aos/1176344552',
    );
    assert.deepEqual([stats.citations, stats.verified], [1, 1]);
  });

  describe('ACL Anthology prompts', () => {
    const acl = citationsKind.configSchema.parse({ prompts: 'acl_anthology' });
    const aclPrompts = citationsKind.builtinItems!(acl);
    const bowman = aclPrompts.find((p) => p.id === 'acl-bowman-etal-2016-generating')!;
    const BOWMAN_AUTHORS =
      'Samuel R. Bowman, Luke Vilnis, Oriol Vinyals, Andrew Dai, Rafal Jozefowicz, and Samy Bengio';

    it('runs 90 Anthology prompts alone, or after the classic ones (the default)', () => {
      assert.equal(aclPrompts.length, 90);
      assert.ok(aclPrompts.every((p) => p.attributes.source === 'acl_anthology'));
      const all = citationsKind.builtinItems!(citationsKind.configSchema.parse({}));
      assert.equal(all.length, 108);
      assert.equal(all[0].id, 'c-01');
    });

    it('verifies the full author list of a six-author paper', async () => {
      const { stats } = await answer(
        bowman,
        `1. ${BOWMAN_AUTHORS}. 2016. Generating Sentences from a Continuous Space. In Proceedings of CoNLL 2016, pages 10–21. doi:10.18653/v1/K16-1002`,
        acl,
      );
      assert.deepEqual([stats.citations, stats.verified, stats.wrong_metadata], [1, 1, 0]);
    });

    it('calls an invented co-author wrong metadata, though the first author is right', async () => {
      const { stats } = await answer(
        bowman,
        `1. ${BOWMAN_AUTHORS.replace('Andrew Dai', 'Geoffrey Hinton')}. 2016. Generating Sentences from a Continuous Space. In Proceedings of CoNLL 2016. doi:10.18653/v1/K16-1002`,
        acl,
      );
      assert.deepEqual([stats.citations, stats.verified, stats.wrong_metadata], [1, 0, 1]);
    });

    it('keeps the classic bibliography alone behind the classic prompts', async () => {
      // The same real Anthology paper is not in the classic bibliography: fabricated there.
      const { stats } = await answer(
        prompt('c-01'),
        `1. ${BOWMAN_AUTHORS}. 2016. Generating Sentences from a Continuous Space. doi:10.18653/v1/K16-1002`,
      );
      assert.deepEqual([stats.verified, stats.fabricated], [0, 1]);
    });
  });
});
