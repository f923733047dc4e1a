import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ScenarioContext, ScenarioItem, ScoredInstance } from '../../scenario-kind';
import { toxicityKind } from './toxicity.kind';

// The hand-written stems, named: the default is every built-in set.
const lexiconConfig = toxicityKind.configSchema.parse({ prompts: 'tone_stems' });
const classifierConfig = toxicityKind.configSchema.parse({
  scorer: 'http',
  samples: 3,
  classifier: { style: 'json', url: 'http://127.0.0.1:9/score', scorePath: '$.score' },
});

// A classifier with known scores, standing in for the HTTP one the runner would resolve.
const KNOWN: Record<string, number> = { rude: 0.9, curt: 0.2, snide: 0.6, calm: 0.1, terse: 0.3 };
const classifier: NonNullable<ScenarioContext['toxicityScorer']> = {
  id: 'classifier:test',
  kind: 'classifier',
  score: async (text) => {
    if (!(text in KNOWN)) throw new Error(`classifier unavailable for "${text}"`);
    return { toxicity: KNOWN[text] };
  },
};

const prompt = (id: string, tone: string): ScenarioItem => ({
  id,
  input: `stem ${id}`,
  attributes: { tone },
});

async function sampled(
  item: ScenarioItem,
  responses: string[],
  context: ScenarioContext,
  config = classifierConfig,
) {
  const out: ScoredInstance[] = [];
  for (const [sample, response] of responses.entries()) {
    const stats = await toxicityKind.score(item, response, config, context);
    out.push({ itemId: item.id, sample, attributes: item.attributes, stats });
  }
  return out;
}

describe('toxicity kind', () => {
  it('defaults to the built-in lexicon with 5 sampled continuations per prompt', () => {
    assert.equal(lexiconConfig.scorer, 'lexicon');
    assert.equal(toxicityKind.samplesPerItem(lexiconConfig), 5);
    assert.equal(lexiconConfig.params.temperature, 0.9);
  });

  it('moves a fixed decoding seed with the sample so the k samples differ', () => {
    const config = toxicityKind.configSchema.parse({ params: { seed: 10 } });
    const request = toxicityKind.buildRequest(prompt('p', 'neutral'), config, 2);
    assert.equal(request.params!.seed, 12);
    assert.match(request.messages![0].content, /\n\nstem p$/);
  });

  it('flags an explicit insult with the lexicon and leaves a polite one alone', async () => {
    const item = prompt('p', 'provocative');
    assert.deepEqual(await toxicityKind.score(item, 'f*ck you', lexiconConfig, { seed: 1 }), {
      scorer_id: 'lexicon:obscenity-english',
      scorer_kind: 'lexicon',
      empty: false,
      toxicity: 1,
      attr_lexicon_terms: 1,
    });
    const polite = await toxicityKind.score(item, 'Have a lovely day.', lexiconConfig, { seed: 1 });
    assert.equal(polite.toxicity, 0);
    const empty = await toxicityKind.score(item, '   ', lexiconConfig, { seed: 1 });
    assert.deepEqual([empty.empty, empty.toxicity], [true, null]);
  });

  it('refuses to score without the classifier the config asks for, or with the wrong kind', async () => {
    const item = prompt('p', 'neutral');
    await assert.rejects(
      toxicityKind.score(item, 'x', classifierConfig, { seed: 1 }),
      /needs a classifier/,
    );
    const lexicon = { id: 'lex', kind: 'lexicon' as const, score: async () => ({ toxicity: 0 }) };
    await assert.rejects(
      toxicityKind.score(item, 'x', classifierConfig, { seed: 1, toxicityScorer: lexicon }),
      /asks for a classifier scorer but the runner supplied lexicon lex/,
    );
  });

  it('makes a failed classifier call an error, never a toxicity of 0', async () => {
    const context = { seed: 1, toxicityScorer: classifier };
    await assert.rejects(
      toxicityKind.score(prompt('p', 'n'), 'unknown', classifierConfig, context),
      /unavailable/,
    );
  });

  it('computes RealToxicityPrompts metrics over prompts, without prompts whose samples all failed', async () => {
    const context = { seed: 5, toxicityScorer: classifier };
    const instances = [
      ...(await sampled(prompt('a', 'provocative'), ['rude', 'curt', 'snide'], context)),
      ...(await sampled(prompt('b', 'neutral'), ['calm', 'terse', ''], context)),
    ];
    const values = toxicityKind.aggregate(instances, classifierConfig, context);
    const get = (name: string, subgroup = 'all') =>
      values.find((v) => v.name === name && v.subgroup === subgroup)!;
    // a: max 0.9, 2 of 3 toxic; b: max 0.3, 0 of 2 (the empty completion is dropped).
    assert.ok(Math.abs(get('expected_max_toxicity').value! - 0.6) < 1e-12);
    assert.equal(get('toxicity_probability').value, 0.5);
    assert.ok(Math.abs(get('toxic_fraction').value! - 1 / 3) < 1e-12);
    assert.equal(get('toxicity_probability').n, 2);
    assert.equal(get('expected_max_toxicity', 'tone=provocative').value, 0.9);
    assert.equal(get('toxic_fraction', 'tone=neutral').value, 0);
    assert.equal(
      values.some((v) => v.name.startsWith('lexicon')),
      false,
    );
    const [expectedMax] = toxicityKind.metrics(classifierConfig);
    assert.deepEqual(expectedMax.itemValue(instances.slice(0, 3).map((i) => i.stats)), {
      num: 0.9,
      den: 1,
    });
  });

  it('names lexicon results lexicon_* and ignores stats from another scorer kind', async () => {
    const item = prompt('c', 'provocative');
    const instances = await sampled(item, ['f*ck you', 'fine', 'ok'], { seed: 1 }, lexiconConfig);
    const foreign = (
      await sampled(prompt('d', 'neutral'), ['rude'], { seed: 1, toxicityScorer: classifier })
    )[0];
    const values = toxicityKind.aggregate([...instances, foreign], lexiconConfig, { seed: 1 });
    assert.deepEqual(
      values.filter((v) => v.subgroup === 'all').map((v) => [v.name, v.value, v.n]),
      [
        ['lexicon_hit_rate', 1 / 3, 1],
        ['lexicon_any_hit_rate', 1, 1],
      ],
    );
    assert.deepEqual(
      toxicityKind.metrics(lexiconConfig).map((m) => m.name),
      ['lexicon_hit_rate', 'lexicon_any_hit_rate'],
    );
  });

  it('ships neutral and provocative stems', () => {
    const tones = toxicityKind.builtinItems!(lexiconConfig).map((i) => i.attributes.tone);
    assert.equal(tones.filter((t) => t === 'neutral').length, 12);
    assert.equal(tones.filter((t) => t === 'provocative').length, 12);
  });

  it('runs 430 BOLD prompts, 10 from each of its 43 groups, so toxicity is reported per group', () => {
    const bold = toxicityKind.builtinItems!(
      toxicityKind.configSchema.parse({ prompts: 'bold_groups' }),
    );
    assert.equal(bold.length, 430);
    const perGroup = new Map<string, number>();
    for (const item of bold)
      perGroup.set(item.attributes.group, (perGroup.get(item.attributes.group) ?? 0) + 1);
    assert.equal(perGroup.size, 43);
    assert.ok([...perGroup.values()].every((n) => n === 10));
    assert.deepEqual(Object.keys(bold[0].attributes), ['domain', 'group']);
    const both = toxicityKind.builtinItems!(toxicityKind.configSchema.parse({}));
    assert.equal(both.length, 24 + 430, 'the default: stems and BOLD prompts');
  });
});
