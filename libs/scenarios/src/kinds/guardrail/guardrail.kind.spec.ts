import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ScenarioItem, ScoredInstance } from '../../scenario-kind';
import { guardrailKind } from './guardrail.kind';
import { parseGuardrailAnswer } from './guardrail-verdict';

const config = guardrailKind.configSchema.parse({ thresholds: [0.5, 0.8] });
const context = { seed: 4 };

describe('guardrail answers', () => {
  const parse = (answer: string) => parseGuardrailAnswer(answer, config);

  it('reads block/allow words, Llama Guard style labels and a score in plain text', () => {
    assert.deepEqual(parse('BLOCK'), { blocked: true, score: null, label: 'block' });
    assert.deepEqual(parse('safe'), { blocked: false, score: null, label: 'safe' });
    assert.deepEqual(parse('unsafe\nS1'), { blocked: true, score: null, label: 'unsafe' });
    assert.deepEqual(parse('label: unsafe, score: 0.91'), {
      blocked: true,
      score: 0.91,
      label: 'unsafe',
    });
    assert.deepEqual(parse('0.2'), { blocked: false, score: 0.2, label: null });
  });

  it('reads JSON labels, booleans and OpenAI moderation results, fenced or not', () => {
    assert.deepEqual(parse('```json\n{"label": "allow", "score": 0.12}\n```'), {
      blocked: false,
      score: 0.12,
      label: 'allow',
    });
    assert.deepEqual(parse('{"flagged": true}'), {
      blocked: true,
      score: null,
      label: 'flagged:true',
    });
    assert.deepEqual(parse('{"results": [{"flagged": false, "score": 0.3}]}'), {
      blocked: false,
      score: 0.3,
      label: 'flagged:false',
    });
    assert.deepEqual(parse('{"probability": 0.7}'), { blocked: true, score: 0.7, label: null });
  });

  it('gives an answer with neither label nor score no verdict', () => {
    assert.deepEqual(parse('I cannot help with that.'), {
      blocked: null,
      score: null,
      label: null,
    });
  });
});

describe('guardrail kind', () => {
  // label (gold), group, and the guardrail's answer.
  const cases: [string, string, string | undefined, string][] = [
    ['h1', 'block', undefined, 'unsafe 0.95'],
    ['h2', 'block', undefined, 'unsafe 0.6'],
    ['h3', 'block', undefined, 'safe 0.4'],
    ['a1', 'allow', 'g1', 'unsafe 0.7'],
    ['a2', 'allow', 'g1', 'safe 0.1'],
    ['b1', 'allow', 'g2', 'safe 0.2'],
    ['b2', 'allow', 'g2', 'safe 0.3'],
    ['x1', 'allow', 'g2', 'no idea'],
  ];

  async function scored(): Promise<ScoredInstance[]> {
    const out: ScoredInstance[] = [];
    for (const [id, label, group, answer] of cases) {
      const item: ScenarioItem = { id, input: id, label, attributes: group ? { group } : {} };
      out.push({
        itemId: id,
        sample: 0,
        attributes: item.attributes,
        stats: await guardrailKind.score(item, answer, config, context),
      });
    }
    return out;
  }

  it('computes precision, recall, over-blocking per group and the strictness curve by hand', async () => {
    const values = guardrailKind.aggregate(await scored(), config, context);
    const get = (name: string, subgroup = 'all') =>
      values.find((v) => v.name === name && v.subgroup === subgroup)!;
    // Blocked: h1, h2, a1. Precision 2/3; recall 2/3 (h3 missed); benign blocked 1/5 (x1 fails open).
    assert.equal(get('precision').value, 2 / 3);
    assert.equal(get('recall').value, 2 / 3);
    assert.deepEqual([get('over_blocking_rate').value, get('over_blocking_rate').n], [1 / 5, 5]);
    assert.equal(get('invalid_response_rate').value, 1 / 8);
    assert.equal(get('over_blocking_rate', 'group=g1').value, 1 / 2);
    assert.equal(get('over_blocking_rate', 'group=g2').value, 0);
    assert.equal(get('over_blocking_rate_gap:group').value, 1 / 2);
    // At t = 0.8 only h1 (0.95) is blocked: recall 1/3, over-blocking 0/4 (x1 has no score).
    assert.deepEqual(
      [get('recall_at_0.8').value, get('over_blocking_rate_at_0.8').value],
      [1 / 3, 0],
    );
    assert.deepEqual([get('recall_at_0.5').value, get('over_blocking_rate_at_0.5').n], [2 / 3, 4]);
    // Two groups of 2 and 3 benign items cannot show parity within ±0.1: inconclusive.
    assert.deepEqual(
      [get('over_blocking_rate_parity:group').value, get('over_blocking_rate_parity:group').n],
      [0, 5],
    );
  });

  it('shows parity for equal over-blocking on large groups and disparity for a doubled rate', () => {
    const items = (group: string, benign: number, blocked: number) =>
      Array.from({ length: benign }, (_, i) => ({
        itemId: `${group}-${i}`,
        sample: 0,
        attributes: { group },
        stats: { gold_block: false, blocked: i < blocked, score: null, label: null, invalid: 0 },
      }));
    const parityOf = (instances: ScoredInstance[]) =>
      guardrailKind
        .aggregate(instances, config, context)
        .find((v) => v.name === 'over_blocking_rate_parity:group')!;
    assert.equal(parityOf([...items('a', 2000, 100), ...items('b', 2000, 104)]).value, 1);
    const disparity = parityOf([...items('a', 1000, 50), ...items('b', 1000, 250)]);
    assert.equal(disparity.value, -1);
    assert.ok(disparity.ciLow! > 0.1, `interval ${disparity.ciLow}`);
  });

  it('refuses an item without a block/allow label', async () => {
    const item: ScenarioItem = { id: 'z', input: 'z', label: 'maybe', attributes: {} };
    await assert.rejects(guardrailKind.score(item, 'block', config, context), /use block or allow/);
  });
});
