import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatTrn, parseScliteSgml } from '@lastmile/metrics';
import { speechToolsAvailable } from '@lastmile/scenarios';
import { wardRecordings } from '../factories/speech-archives';
import { bearer, TEST_ADMIN_KEY } from '../support/test-app';
import { createMonitoredPlan, planAlerts } from './support/monitored-plan';
import { PHRASES, POLICIES, startSpeechWard, VOICES, type SpeechWard } from './support/speech-ward';

const admin = bearer(TEST_ADMIN_KEY);
const SCTK = '/usr/lib/sctk/bin';

const WARD_GLM = `;; the ward's accepted spellings
* name "ward-compounds"
* desc "compounds a clinician writes as one word"
* format = 'NIST1'
* max_nrules = '50'
* copy_no_hit = 'T'
* case_sensitive = 'F'
BLOODPRESSURE => {BLOODPRESSURE / BLOOD PRESSURE} / [ ] __ [ ]
BLOOD PRESSURE => {BLOODPRESSURE / BLOOD PRESSURE} / [ ] __ [ ]
BLOODSUGAR => {BLOODSUGAR / BLOOD SUGAR} / [ ] __ [ ]
BLOOD SUGAR => {BLOODSUGAR / BLOOD SUGAR} / [ ] __ [ ]
CHESTPAIN => {CHESTPAIN / CHEST PAIN} / [ ] __ [ ]
CHEST PAIN => {CHESTPAIN / CHEST PAIN} / [ ] __ [ ]
`;

const skip = speechToolsAvailable() ? false : 'espeak-ng, sox or pocketsphinx is not installed';

/**
 * How a ward's transcripts are scored, end to end with pocketsphinx: a normalizer change starts
 * a new baseline instead of raising drift, and a slice's alternates.glm counts as SCTK counts.
 */
describe('speech scoring: normalizers and GLM alternates with pocketsphinx', { skip }, () => {
  let ward: SpeechWard;

  before(async () => {
    ward = await startSpeechWard();
  });
  after(async () => ward?.close());

  it('starts a new baseline when the normalizer changes, instead of raising drift', async () => {
    // Written as a clinician types it: capitals and a full stop, which only a normalizer forgives.
    const labelled = await wardRecordings(join(ward.work, 'typed'), {
      voices: VOICES,
      phrases: PHRASES,
      condition: 'clean',
      labelled: true,
      reference: (phrase) => `${phrase[0].toUpperCase()}${phrase.slice(1)}.`,
    });
    const slice = await ward.upload('ward-7-dictation', labelled.archive).expect(201);
    const plan = await createMonitoredPlan(ward.t, {
      baseUrl: '',
      model: ward.model,
      scenario: { kind: 'asr', config: { normalizer: 'english-v1', labelFreeSignals: false } },
      plan: { tenant: ward.tenant.slug, sliceIds: [slice.body.id], ...POLICIES },
    });
    const wer = async (runId: string) => {
      const { body } = await ward.t.http
        .get(`/v1/runs/${runId}/metrics`)
        .query({ name: 'wer' })
        .set(admin)
        .expect(200);
      return body.find((m: { subgroup: string }) => m.subgroup === 'all').value as number;
    };
    const first = await plan.run();
    await plan.run();
    const english = (await ward.t.http.get(`/v1/runs/${first.id}`).set(admin).expect(200)).body;
    assert.equal(english.provenance.scoring.normalizer.id, 'english-v1@1');

    // Scenarios are immutable through the API; a normalizer change reaches a plan when its rules
    // are versioned or the scenario row is migrated. Here the row is changed as a migration would.
    await ward.t.dataSource.query(`UPDATE scenarios SET config = $1 WHERE id = $2`, [
      JSON.stringify({ normalizer: 'none', labelFreeSignals: false }),
      english.scenarioId,
    ]);
    const switched = await plan.run();
    const after = (await ward.t.http.get(`/v1/runs/${switched.id}`).set(admin).expect(200)).body;
    assert.equal(after.provenance.scoring.normalizer.id, 'none@1');
    assert.notEqual(after.provenance.scoringHash, english.provenance.scoringHash);
    // Without the normalizer "The" and "pain." are errors: a large change of WER…
    assert.ok((await wer(switched.id)) > (await wer(first.id)) + 0.1);
    // …that is not drift: the run starts collecting a new baseline under the new scoring.
    assert.deepEqual(switched.monitoring.incidents ?? [], []);
    assert.deepEqual(await planAlerts(ward.t, plan.planId), []);
    const { body: baselines } = await ward.t.http
      .get(`/v1/plans/${plan.planId}/baselines`)
      .set(admin)
      .expect(200);
    const keys = baselines
      .filter(
        (b: { metric: string; subgroup: string }) => b.metric === 'wer' && b.subgroup === 'all',
      )
      .map((b: { versionKey: string; runIds: string[] }) => [b.versionKey, b.runIds.length]);
    assert.equal(keys.length, 2);
    assert.deepEqual(keys.map(([, n]: [string, number]) => n).sort(), [1, 2]);
  });

  it(
    "scores against the slice's alternates.glm exactly as csrfilt.sh + sclite count",
    {
      skip: existsSync(join(SCTK, 'sclite')) ? false : `SCTK not installed in ${SCTK}`,
    },
    async () => {
      // The clinician's spellings: compounds written as one word, which the ward's GLM accepts.
      const typed = (phrase: string) =>
        phrase
          .replace('blood pressure', 'bloodpressure')
          .replace('blood sugar', 'bloodsugar')
          .replace('chest pain', 'chestpain');
      const labelled = await wardRecordings(join(ward.work, 'glm'), {
        voices: VOICES,
        phrases: PHRASES,
        condition: 'clean',
        labelled: true,
        reference: typed,
        alternates: WARD_GLM,
      });
      const slice = await ward.upload('ward-7-glm', labelled.archive).expect(201);
      assert.equal(slice.body.alternates, WARD_GLM);
      const plan = await createMonitoredPlan(ward.t, {
        baseUrl: '',
        model: ward.model,
        scenario: { kind: 'asr', config: { labelFreeSignals: false } },
        plan: { tenant: ward.tenant.slug, sliceIds: [slice.body.id], ...POLICIES },
      });
      const run = await plan.run();
      const rows: { item_key: string; stats: Record<string, number | string> }[] =
        await ward.t.dataSource.query(
          'SELECT item_key, stats FROM instance_results WHERE run_id = $1 ORDER BY item_key',
          [run.id],
        );
      assert.equal(rows.length, 16);
      assert.ok(rows.every((r) => /\+glm:ward-compounds#/.test(String(r.stats.normalizer))));
      const side = (key: 'referenceNormalized' | 'hypothesisNormalized') =>
        formatTrn(rows.map((r) => ({ id: `spk-${r.item_key}`, text: String(r.stats[key]) })));
      const glmPath = join(ward.work, 'ward.glm');
      writeFileSync(glmPath, WARD_GLM);
      const filtered = (text: string) => sctk('csrfilt.sh', ['-i', 'trn', glmPath], text);
      writeFileSync(join(ward.work, 'ref.filt'), filtered(side('referenceNormalized')));
      writeFileSync(join(ward.work, 'hyp.filt'), filtered(side('hypothesisNormalized')));
      const files = [
        '-r',
        join(ward.work, 'ref.filt'),
        'trn',
        '-h',
        join(ward.work, 'hyp.filt'),
        'trn',
      ];
      sctk('sclite', [...files, '-i', 'spu_id', '-o', 'sgml', '-O', ward.work, '-f', '0']);
      const sclite = parseScliteSgml(readFileSync(join(ward.work, 'hyp.filt.sgml'), 'utf8'));
      const counts = (u: Record<string, unknown>) =>
        `C${u.hits} S${u.substitutions} D${u.deletions} I${u.insertions}`;
      assert.deepEqual(
        rows.map((r) => counts(r.stats)),
        rows.map((r) => counts({ ...sclite.find((u) => u.id === `spk-${r.item_key}`)! })),
      );
      // The alternates matter: "bloodpressure" read as "blood pressure" is one correct word.
      const bp = rows.find((r) => r.item_key === 'en-us_wideband_02')!;
      assert.equal(
        bp.stats.referenceFiltered,
        '{bloodpressure / blood pressure} is one hundred and forty over ninety',
      );
    },
  );
});

function sctk(program: string, args: string[], input?: string): string {
  const result = spawnSync(join(SCTK, program), args, {
    input,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${SCTK}:${process.env.PATH}` },
  });
  assert.equal(result.status, 0, `${program} failed: ${result.stderr}${result.stdout}`);
  return result.stdout;
}
