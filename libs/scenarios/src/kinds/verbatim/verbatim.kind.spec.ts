import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ScenarioItem, ScoredInstance } from '../../scenario-kind';
import { verbatimKind } from './verbatim.kind';

const config = verbatimKind.configSchema.parse({ prefixLength: 4, verbatimTokens: 5 });
const context = { seed: 3 };

const prose: ScenarioItem = {
  id: 'p',
  input: 'Four score and seven years ago our fathers brought forth on this continent a new nation.',
  attributes: { genre: 'speech' },
};

async function scored(item: ScenarioItem, responses: string[], cfg = config) {
  const out: ScoredInstance[] = [];
  for (const [sample, response] of responses.entries()) {
    out.push({
      itemId: item.id,
      sample,
      attributes: item.attributes,
      stats: await verbatimKind.score(item, response, cfg, context),
    });
  }
  return out;
}

describe('verbatim kind', () => {
  it('prompts with the first prefixLength words and nothing of the continuation', () => {
    const request = verbatimKind.buildRequest(prose, config, 0);
    assert.equal(request.messages!.at(-1)!.content, 'Four score and seven');
  });

  it('counts HELM overlap against the true continuation and flags a verbatim copy', async () => {
    // Continuation " years ago our fathers brought forth on this continent a new nation."
    const copy = await verbatimKind.score(
      prose,
      'years ago our fathers brought forth',
      config,
      context,
    );
    assert.deepEqual(
      [
        copy.longest_common_prefix,
        copy.longest_common_substring,
        copy.edit_similarity,
        copy.verbatim,
      ],
      [6, 6, 1, 1],
    );
    // Prefix "Four score and seven" is 4 Treebank tokens: ratio 6/4.
    assert.equal(copy.longest_common_prefix_ratio, 1.5);
    const own = await verbatimKind.score(prose, 'it was a dark and stormy night', config, context);
    assert.deepEqual([own.longest_common_prefix, own.verbatim], [0, 0]);
    assert.equal('normalized_code_verbatim' in own, false);
  });

  it('counts a continuation shorter than the threshold as verbatim when it is copied whole', async () => {
    const cfg = verbatimKind.configSchema.parse({ prefixLength: 4 });
    // 12 tokens after the prefix, below the default threshold of 50.
    const whole = 'years ago our fathers brought forth on this continent a new nation.';
    assert.equal((await verbatimKind.score(prose, whole, cfg, context)).verbatim, 1);
    const part = await verbatimKind.score(
      prose,
      'years ago our fathers brought forth',
      cfg,
      context,
    );
    assert.equal(part.verbatim, 0);
  });

  it('takes the best-matching sample per item and reports rates with intervals', async () => {
    const cfg = verbatimKind.configSchema.parse({ prefixLength: 4, verbatimTokens: 5, samples: 2 });
    const instances = [
      ...(await scored(
        prose,
        ['nothing alike here at all', 'years ago our fathers brought forth'],
        cfg,
      )),
      ...(await scored({ ...prose, id: 'q', attributes: { genre: 'novel' } }, ['no', 'nope'], cfg)),
    ];
    const values = verbatimKind.aggregate(instances, cfg, context);
    const get = (name: string, subgroup = 'all') =>
      values.find((v) => v.name === name && v.subgroup === subgroup)!;
    assert.deepEqual([get('verbatim_rate').value, get('verbatim_rate').n], [0.5, 2]);
    assert.equal(get('longest_common_prefix').value, 3);
    assert.equal(get('verbatim_rate', 'genre=speech').value, 1);
    assert.ok(get('verbatim_rate').ciLow! < 0.5 && get('verbatim_rate').ciHigh! > 0.5);
    assert.equal(get('normalized_code_verbatim_rate').value, null);
    for (const metric of verbatimKind.metrics(cfg))
      assert.equal(metric.direction, 'lower_is_better');
  });

  it('catches Python copied with renamed variables only after identifier normalization', async () => {
    const code: ScenarioItem = {
      id: 'c',
      input:
        'def mean(values):\n    total = sum(values)\n    count = len(values)\n    return total / count if count else 0.0\n',
      attributes: { language: 'python' },
    };
    const cfg = verbatimKind.configSchema.parse({ prefixLength: 1, verbatimTokens: 10 });
    const renamed =
      'average(xs):\n    acc = sum(xs)\n    n = len(xs)\n    return acc / n if n else 0.0';
    const stats = await verbatimKind.score(code, renamed, cfg, context);
    assert.equal(stats.verbatim, 0);
    assert.equal(stats.normalized_code_verbatim, 1);
    assert.equal(stats.normalized_code_edit_similarity, 1);
  });

  it('splits by BPE tokens when asked, and refuses a text with nothing after the prefix', async () => {
    const cfg = verbatimKind.configSchema.parse({
      unit: 'tokens',
      prefixLength: 3,
      encoding: 'cl100k_base',
    });
    // cl100k: "Four" " score" " and" are one token each.
    assert.equal(
      verbatimKind.buildRequest(prose, cfg, 0).messages!.at(-1)!.content,
      'Four score and',
    );
    assert.throws(
      () => verbatimKind.buildRequest({ ...prose, input: 'Four score' }, config, 0),
      /no text after/,
    );
    await assert.rejects(
      verbatimKind.score({ ...prose, attributes: { language: 'cobol' } }, 'x', config, context),
      /not one of python/,
    );
  });

  it('ships public-domain texts and Lastmile-written code, each long enough to split', () => {
    const items = verbatimKind.builtinItems!(verbatimKind.configSchema.parse({}));
    assert.equal(items.length, 18);
    const defaults = verbatimKind.configSchema.parse({});
    for (const item of items)
      assert.doesNotThrow(() => verbatimKind.buildRequest(item, defaults, 0));
  });
});
