import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { biasQaKind } from '../kinds/bias-qa/bias-qa.kind';
import { toxicityKind } from '../kinds/toxicity/toxicity.kind';
import { builtinItemsFor, builtinSampleProblem, fullBuiltinItems } from './builtin-sample';

describe("a plan's sample of built-in data", () => {
  const bbqConfig = biasQaKind.configSchema.parse({});

  it("takes precedence over the config's sample, and null leaves the config's", () => {
    assert.equal(builtinItemsFor(biasQaKind, bbqConfig, null).length, 6 * 200);
    const planned = builtinItemsFor(biasQaKind, bbqConfig, {
      perGroup: 50,
      by: 'category',
      seed: 7,
    });
    assert.equal(planned.length, 6 * 50);
    assert.deepEqual(
      planned,
      biasQaKind.builtinItems!(
        biasQaKind.configSchema.parse({ sample: { perGroup: 50, by: 'category', seed: 7 } }),
      ),
      "the same items as the config's own sample: the kind's units are kept",
    );
    assert.equal(builtinItemsFor(biasQaKind, bbqConfig, 'full').length, 11956);
  });

  it("samples kinds whose config has no sample of its own (toxicity's BOLD groups)", () => {
    const config = toxicityKind.configSchema.parse({ prompts: 'bold_groups' });
    const sample = builtinItemsFor(toxicityKind, config, { perGroup: 3, by: 'domain', seed: 1 });
    assert.equal(sample.length, 5 * 3);
    assert.equal(fullBuiltinItems(toxicityKind, config).length, 430);
  });

  it('names an attribute no built-in item carries', () => {
    const problem = builtinSampleProblem(biasQaKind, bbqConfig, {
      perGroup: 50,
      by: 'categroy',
      seed: 7,
    });
    assert.match(
      problem?.message ?? '',
      /no item carries attribute "categroy" \(the items carry: .*category/,
    );
    assert.equal(builtinSampleProblem(biasQaKind, bbqConfig), null, "the config's own sample");
    assert.equal(builtinSampleProblem(biasQaKind, bbqConfig, null), null);
  });
});
