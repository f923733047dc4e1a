import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CALIBRATION_SET } from '../../data/judge-calibration/calibration-set';
import { DEFAULT_SINGLE_RUBRIC } from '../../judges/judge-config';
import { judgePromptHash } from '../../judges/judge-provenance';
import type { ScenarioItem, ScoredInstance } from '../../scenario-kind';
import { humanVerdict } from './judge-calibration-label';
import { calibrationJudge } from './judge-calibration.config';
import { judgeCalibrationKind as kind } from './judge-calibration.kind';

const config = kind.configSchema.parse({ samples: 2, passScore: 4 });
const item = (id: string, label: string, answer = 'an answer'): ScenarioItem => ({
  id,
  input: `question ${id}?`,
  references: [answer],
  label,
  attributes: { topic: 't' },
});
const judged = (score: number | string) =>
  typeof score === 'number' ? `{"score": ${score}, "rationale": "r"}` : score;

async function scoreAll(rows: [ScenarioItem, (number | string)[]][]) {
  const instances: ScoredInstance[] = [];
  for (const [it, answers] of rows)
    for (const [sample, answer] of answers.entries())
      instances.push({
        itemId: it.id,
        sample,
        attributes: it.attributes,
        stats: await kind.score(it, judged(answer), config, { seed: 1 }),
      });
  const values = kind.aggregate(instances, config, { seed: 1 });
  return (name: string) => values.find((v) => v.name === name && v.subgroup === 'all')!;
}

describe('judge_calibration kind', () => {
  it('asks the plan’s model the judge prompt: the question, the answer people judged, the rubric', () => {
    const request = kind.buildRequest(item('a', '5', 'Blue light scatters.'), config, 1);
    const user = request.messages!.at(-1)!.content;
    assert.match(user, /\[Rubric\]\nRate how well the answer responds/);
    assert.match(user, /\[Question\]\nquestion a\?\n/);
    assert.match(user, /\[Answer\]\nBlue light scatters\.\n/);
    assert.doesNotMatch(user, /\[Reference answer\]/);
    assert.deepEqual(request.params, { temperature: 0.7, max_tokens: 400, seed: 1001 });
    assert.equal(kind.samplesPerItem(config), 2);
    // A second reference is the reference answer shown to the judge.
    const withReference = { ...item('b', 'pass'), references: ['ans', 'the reference'] };
    assert.match(
      kind.buildRequest(withReference, config, 0).messages!.at(-1)!.content,
      /\[Reference answer\]\nthe reference\n/,
    );
  });

  it('reads a label as pass/fail or a score on the scale, and refuses anything else before asking', () => {
    const settings = calibrationJudge(config);
    assert.deepEqual(humanVerdict('PASS', settings), { pass: true, score: null });
    assert.deepEqual(humanVerdict('4', settings), { pass: true, score: 4 });
    assert.deepEqual(humanVerdict('3.5', settings), { pass: false, score: 3.5 });
    assert.throws(() => humanVerdict('6', settings), /pass, fail or a score from 1 to 5/);
    assert.throws(() => kind.buildRequest(item('c', 'good'), config, 0), /got "good"/);
    assert.throws(
      () => kind.buildRequest({ ...item('d', '5'), references: null }, config, 0),
      /references\[0\] \(the answer people judged\)/,
    );
  });

  it('counts agreement on the verdict (mean of the samples at the pass score) and the score error', async () => {
    const get = await scoreAll([
      [item('a', '5'), [5, 4]], // mean 4.5 pass, people pass: agree, error 0.5
      [item('b', '2'), [4, 5]], // mean 4.5 pass, people fail: disagree, error 2.5
      [item('c', 'fail'), [1, 'not json']], // mean 1 fail, people fail: agree, no score error
      [item('d', '4'), ['nope', 'nope']], // no valid sample: left out
    ]);
    assert.deepEqual(
      [get('judge_human_agreement').value, get('judge_human_agreement').n],
      [2 / 3, 3],
    );
    assert.deepEqual([get('judge_score_error').value, get('judge_score_error').n], [1.5, 2]);
    assert.equal(get('judge_pass_rate').value, 2 / 3);
    assert.equal(get('human_pass_rate').value, 2 / 4);
    // Malformed answers per item: 0, 0, ½, 1.
    assert.equal(get('judge_malformed_rate').value, 1.5 / 4);
    // κ between the judge (pass, pass, fail) and people (pass, fail, fail):
    // p_o = 2/3, p_e = 2/3·1/3 + 1/3·2/3 = 4/9, κ = (2/3 − 4/9)/(1 − 4/9) = 0.4.
    assert.ok(Math.abs(get('judge_human_kappa').value! - 0.4) < 1e-12);
  });

  it('marks its agreement metrics as the judge’s signals and records the rubric in its scoring provenance', () => {
    const metrics = kind.metrics(config);
    assert.deepEqual(
      metrics.filter((m) => m.signal === 'judge').map((m) => m.name),
      ['judge_human_agreement', 'judge_score_error'],
    );
    const scoring = kind.scoringProvenance!(config) as { judge: Record<string, unknown> };
    assert.deepEqual(scoring.judge, {
      promptHash: judgePromptHash(calibrationJudge(config)),
      promptVersion: 'judge-prompt-2',
      version: '1',
      mode: 'single',
      rubric: DEFAULT_SINGLE_RUBRIC,
      scale: { min: 1, max: 5 },
      passScore: 4,
      samples: 2,
      temperature: 0.7,
    });
    const reworded = kind.configSchema.parse({ samples: 2, passScore: 4, rubric: 'Be strict.' });
    assert.notDeepEqual(kind.scoringProvenance!(reworded), scoring);
  });

  it('ships a labelled calibration set: 36 answers, a sound and a wrong one per built-in question', () => {
    assert.equal(CALIBRATION_SET.length, 36);
    const labels = CALIBRATION_SET.map((i) => i.label);
    assert.deepEqual(
      [labels.filter((l) => l === '5').length, labels.filter((l) => l === '4').length],
      [16, 2],
    );
    for (const i of CALIBRATION_SET) {
      assert.equal(Number(i.label) >= 4, i.attributes.quality === 'sound', i.id);
      kind.buildRequest(i, kind.configSchema.parse({}), 0);
    }
  });
});
