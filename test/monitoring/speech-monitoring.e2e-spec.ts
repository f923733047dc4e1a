import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatTrn, parseScliteSgml } from '@lastmile/metrics';
import { CLINICAL_PHRASES, speechToolsAvailable } from '@lastmile/scenarios';
import { createKey, createTenant, type TenantView } from '../factories/api-resources';
import { wardRecordings, type WardRecordings } from '../factories/speech-archives';
import { assertProblem } from '../api/support/problem-assertions';
import { bearer, startTestApp, TEST_ADMIN_KEY, type TestApp } from '../support/test-app';
import { createMonitoredPlan, planAlerts } from './support/monitored-plan';

const admin = bearer(TEST_ADMIN_KEY);
const VOICES = ['en-us', 'en-029'];
const PHRASES = CLINICAL_PHRASES.slice(0, 8);
const POLICIES = {
  baselinePolicy: { kind: 'first_n', n: 2, compareAcrossVersions: true },
  alertPolicy: { alpha: 0.05, minEffect: 0.05, severity: { warning: 0.05, critical: 0.2 } },
  // The same recording gets the same transcript: the recognizer runs once per distinct clip.
  cacheResponses: true,
};

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
 * A hospital ward's speech end to end, with the real recognizer (Debian's pocketsphinx through
 * the command adapter, with the ward's phrase grammar) on espeak-ng speech: unlabelled
 * recordings uploaded as a monitoring slice raise condition_drift from label-free signals alone;
 * a normalizer change on a labelled slice starts a new baseline instead of raising drift.
 */
describe('speech monitoring with pocketsphinx', { skip }, () => {
  let t: TestApp;
  let tenant: TenantView;
  let customer: string;
  let otherCustomer: string;
  let work: string;
  let model: Record<string, unknown>;
  let clean: WardRecordings;
  let hum: WardRecordings;

  before(async () => {
    t = await startTestApp({
      runner: true,
      env: {
        LASTMILE_ALLOW_COMMAND_ADAPTERS: 'true',
        LASTMILE_COMMAND_ALLOWLIST: 'pocketsphinx_continuous',
        LASTMILE_RATE_LIMIT_PER_MINUTE: '100000',
      },
    });
    tenant = await createTenant(t);
    customer = (await createKey(t, 'customer', tenant.slug)).key;
    otherCustomer = (await createKey(t, 'customer', (await createTenant(t)).slug)).key;
    work = mkdtempSync(join(tmpdir(), 'lastmile-speech-e2e-'));
    const grammar = join(work, 'ward.jsgf');
    writeFileSync(
      grammar,
      `#JSGF V1.0;\ngrammar ward;\npublic <utterance> = ${PHRASES.map((p) => `( ${p} )`).join(' | ')};\n`,
    );
    model = {
      modality: 'speech',
      adapter: {
        kind: 'command',
        argv: [
          'pocketsphinx_continuous',
          '-infile',
          '{audio}',
          '-jsgf',
          grammar,
          '-logfn',
          '/dev/null',
        ],
        limits: { concurrency: 2, timeoutMs: 60_000, maxRetries: 0 },
      },
    };
    const recordings = { voices: VOICES, phrases: PHRASES, labelled: false };
    clean = await wardRecordings(join(work, 'clean'), { ...recordings, condition: 'clean' });
    hum = await wardRecordings(join(work, 'hum'), { ...recordings, condition: 'hum' });
  });
  after(async () => {
    await t?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const upload = (name: string, archive: Buffer, purpose?: string, key = customer) => {
    const request = t.http
      .post(`/v1/tenants/${tenant.slug}/slices`)
      .set(bearer(key))
      .field('name', name);
    if (purpose !== undefined) request.field('purpose', purpose);
    return request.attach('file', archive, 'ward.tar.gz');
  };

  it('refuses unlabelled recordings as an evaluation slice and keeps them as a monitoring slice', async () => {
    const refused = await upload('ward-unlabelled', clean.archive);
    assertProblem(
      refused,
      422,
      clean.rows.map((_, i) => `manifest.jsonl line ${i + 1}: reference`),
    );
    assert.match(
      refused.body.errors[0].reason,
      /upload unlabelled recordings as a monitoring slice/,
    );
    assertProblem(await upload('ward-unlabelled', clean.archive, 'audit'), 400, ['purpose']);

    const stored = await upload('ward-unlabelled', clean.archive, 'monitoring').expect(201);
    assert.deepEqual(
      [stored.body.purpose, stored.body.itemCount, stored.body.modality, stored.body.alternates],
      ['monitoring', 16, 'audio', null],
    );
    const fetched = await t.http
      .get(`/v1/tenants/${tenant.slug}/slices/${stored.body.id}`)
      .set(bearer(customer))
      .expect(200);
    assert.equal(fetched.body.purpose, 'monitoring');
    const items = await t.http
      .get(`/v1/tenants/${tenant.slug}/slices/${stored.body.id}/items`)
      .set(bearer(customer))
      .expect(200);
    assert.deepEqual(items.body[0].references, null);

    // Labelled recordings may be watched as a monitoring slice; the same content under the same
    // name is one version, so asking for it as an evaluation slice is a conflict.
    const labelled = await wardRecordings(join(work, 'labelled'), {
      voices: ['en-us'],
      phrases: PHRASES.slice(0, 2),
      condition: 'clean',
      labelled: true,
    });
    await upload('ward-mixed', labelled.archive, 'monitoring').expect(201);
    assertProblem(await upload('ward-mixed', labelled.archive), 409, ['purpose']);
  });

  it('raises condition_drift on unlabelled recordings, in words, with the worst recordings playable', async () => {
    const day1 = await upload('ward-7-recordings', clean.archive, 'monitoring').expect(201);
    const plan = await createMonitoredPlan(t, {
      baseUrl: '',
      model,
      scenario: { kind: 'asr', config: {} },
      plan: { tenant: tenant.slug, sliceIds: [day1.body.id], ...POLICIES },
    });
    for (let day = 1; day <= 2; day++) {
      const run = await plan.run();
      assert.equal(run.status, 'succeeded');
      assert.deepEqual(run.monitoring.incidents ?? [], []);
      const metrics = await t.http.get(`/v1/runs/${run.id}/metrics`).set(admin).expect(200);
      const names = new Set(metrics.body.map((m: { name: string }) => m.name));
      // No reference, no WER: the word metrics are absent, the label-free signals are there.
      for (const absent of ['wer', 'cer', 'substitution_rate', 'wer_gap:accent'])
        assert.equal(names.has(absent), false, absent);
      for (const present of ['snr_db', 'tonal_peak_rate', 'empty_transcript_rate', 'speech_ratio'])
        assert.equal(names.has(present), true, present);
    }

    const day3 = await upload('ward-7-recordings', hum.archive, 'monitoring').expect(201);
    assert.equal(day3.body.version, 2);
    await t.http
      .patch(`/v1/plans/${plan.planId}`)
      .set(admin)
      .send({ sliceIds: [day3.body.id] })
      .expect(200);
    const run = await plan.run();
    const incidents = await planAlerts(t, plan.planId);
    assert.deepEqual(
      incidents.map((i) => i.type),
      ['condition_drift'],
    );
    const { body: incident } = await t.http
      .get(`/v1/alerts/${incidents[0].id}`)
      .set(admin)
      .expect(200);
    const condition = incident.evidence.condition as {
      summary: string;
      groups: { subgroup: string; summary: string; n: number }[];
      recordings: {
        itemId: string;
        audio: string;
        snrDb: number;
        attributes: Record<string, string>;
      }[];
    };
    assert.match(
      condition.summary,
      /^a tonal peak at 1,000 Hz, \d+ dB above the noise floor, appeared in 16 of 16 recordings; estimated SNR \d+ → -?\d+ dB/,
    );
    assert.match(incident.title, /^Recording conditions changed on ward-7-recordings v2/);
    assert.deepEqual(
      condition.groups.map((g) => [g.subgroup, g.n]),
      [
        ['accent=en-029', 8],
        ['accent=en-us', 8],
      ],
    );
    for (const group of condition.groups)
      assert.match(group.summary, /appeared in 8 of 8 recordings/);

    assert.equal(condition.recordings.length, 3);
    const worst = condition.recordings[0];
    assert.equal(
      worst.audio,
      `/v1/tenants/${tenant.id}/slices/${day3.body.id}/items/${worst.itemId}/audio`,
    );
    const played = await t.http.get(worst.audio).set(bearer(customer)).expect(200);
    assert.equal(played.headers['content-type'], 'audio/wav');
    assert.ok(Buffer.compare(played.body as Buffer, hum.audio.get(worst.itemId)!) === 0);
    await t.http.get(worst.audio).set(bearer(otherCustomer)).expect(404);
    const missing = worst.audio.replace(encodeURIComponent(worst.itemId), 'no-such-item');
    assertProblem(await t.http.get(missing).set(bearer(customer)), 404, []);

    const report = await t.http.get(`/v1/runs/${run.id}/report`).set(admin).expect(200);
    assert.match(report.headers['content-security-policy'], /media-src 'self'/);
    assert.match(
      report.text,
      new RegExp(
        `<audio controls preload="none" src="/v1/tenants/${tenant.id}/slices/${day3.body.id}/items/[^"]+/audio"></audio>`,
      ),
    );
  });

  it('starts a new baseline when the normalizer changes, instead of raising drift', async () => {
    // Written as a clinician types it: capitals and a full stop, which only a normalizer forgives.
    const labelled = await wardRecordings(join(work, 'typed'), {
      voices: VOICES,
      phrases: PHRASES,
      condition: 'clean',
      labelled: true,
      reference: (phrase) => `${phrase[0].toUpperCase()}${phrase.slice(1)}.`,
    });
    const slice = await upload('ward-7-dictation', labelled.archive).expect(201);
    const plan = await createMonitoredPlan(t, {
      baseUrl: '',
      model,
      scenario: { kind: 'asr', config: { normalizer: 'english-v1', labelFreeSignals: false } },
      plan: { tenant: tenant.slug, sliceIds: [slice.body.id], ...POLICIES },
    });
    const wer = async (runId: string) => {
      const { body } = await t.http
        .get(`/v1/runs/${runId}/metrics`)
        .query({ name: 'wer' })
        .set(admin)
        .expect(200);
      return body.find((m: { subgroup: string }) => m.subgroup === 'all').value as number;
    };
    const first = await plan.run();
    await plan.run();
    const english = (await t.http.get(`/v1/runs/${first.id}`).set(admin).expect(200)).body;
    assert.equal(english.provenance.scoring.normalizer.id, 'english-v1@1');

    // Scenarios are immutable through the API; a normalizer change reaches a plan when its rules
    // are versioned or the scenario row is migrated. Here the row is changed as a migration would.
    await t.dataSource.query(`UPDATE scenarios SET config = $1 WHERE id = $2`, [
      JSON.stringify({ normalizer: 'none', labelFreeSignals: false }),
      english.scenarioId,
    ]);
    const switched = await plan.run();
    const after = (await t.http.get(`/v1/runs/${switched.id}`).set(admin).expect(200)).body;
    assert.equal(after.provenance.scoring.normalizer.id, 'none@1');
    assert.notEqual(after.provenance.scoringHash, english.provenance.scoringHash);
    // Without the normalizer "The" and "pain." are errors: a large change of WER…
    assert.ok((await wer(switched.id)) > (await wer(first.id)) + 0.1);
    // …that is not drift: the run starts collecting a new baseline under the new scoring.
    assert.deepEqual(switched.monitoring.incidents ?? [], []);
    assert.deepEqual(await planAlerts(t, plan.planId), []);
    const { body: baselines } = await t.http
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
      const labelled = await wardRecordings(join(work, 'glm'), {
        voices: VOICES,
        phrases: PHRASES,
        condition: 'clean',
        labelled: true,
        reference: typed,
        alternates: WARD_GLM,
      });
      const slice = await upload('ward-7-glm', labelled.archive).expect(201);
      assert.equal(slice.body.alternates, WARD_GLM);
      const plan = await createMonitoredPlan(t, {
        baseUrl: '',
        model,
        scenario: { kind: 'asr', config: { labelFreeSignals: false } },
        plan: { tenant: tenant.slug, sliceIds: [slice.body.id], ...POLICIES },
      });
      const run = await plan.run();
      const rows: { item_key: string; stats: Record<string, number | string> }[] =
        await t.dataSource.query(
          'SELECT item_key, stats FROM instance_results WHERE run_id = $1 ORDER BY item_key',
          [run.id],
        );
      assert.equal(rows.length, 16);
      assert.ok(rows.every((r) => /\+glm:ward-compounds#/.test(String(r.stats.normalizer))));
      const side = (key: 'referenceNormalized' | 'hypothesisNormalized') =>
        formatTrn(rows.map((r) => ({ id: `spk-${r.item_key}`, text: String(r.stats[key]) })));
      const glmPath = join(work, 'ward.glm');
      writeFileSync(glmPath, WARD_GLM);
      const filtered = (text: string) => sctk('csrfilt.sh', ['-i', 'trn', glmPath], text);
      writeFileSync(join(work, 'ref.filt'), filtered(side('referenceNormalized')));
      writeFileSync(join(work, 'hyp.filt'), filtered(side('hypothesisNormalized')));
      const files = ['-r', join(work, 'ref.filt'), 'trn', '-h', join(work, 'hyp.filt'), 'trn'];
      sctk('sclite', [...files, '-i', 'spu_id', '-o', 'sgml', '-O', work, '-f', '0']);
      const sclite = parseScliteSgml(readFileSync(join(work, 'hyp.filt.sgml'), 'utf8'));
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
