import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { speechToolsAvailable } from '@lastmile/scenarios';
import { wardRecordings, type WardRecordings } from '../factories/speech-archives';
import { assertProblem } from '../api/support/problem-assertions';
import { bearer, TEST_ADMIN_KEY } from '../support/test-app';
import { createMonitoredPlan, planAlerts, planFindings } from './support/monitored-plan';
import { PHRASES, POLICIES, startSpeechWard, VOICES, type SpeechWard } from './support/speech-ward';

const admin = bearer(TEST_ADMIN_KEY);
const skip = speechToolsAvailable() ? false : 'espeak-ng, sox or pocketsphinx is not installed';

/**
 * A hospital ward's unlabelled recordings end to end, with the real recognizer (Debian's
 * pocketsphinx through the command adapter, with the ward's phrase grammar) on espeak-ng speech:
 * uploaded as a monitoring slice, they raise condition_drift from label-free signals alone.
 */
describe('speech monitoring of unlabelled recordings with pocketsphinx', { skip }, () => {
  let ward: SpeechWard;
  let clean: WardRecordings;
  let hum: WardRecordings;

  before(async () => {
    ward = await startSpeechWard();
    const recordings = { voices: VOICES, phrases: PHRASES, labelled: false };
    clean = await wardRecordings(join(ward.work, 'clean'), { ...recordings, condition: 'clean' });
    hum = await wardRecordings(join(ward.work, 'hum'), { ...recordings, condition: 'hum' });
  });
  after(async () => ward?.close());

  it('refuses unlabelled recordings as an evaluation slice and keeps them as a monitoring slice', async () => {
    const refused = await ward.upload('ward-unlabelled', clean.archive);
    assertProblem(
      refused,
      422,
      clean.rows.map((_, i) => `manifest.jsonl line ${i + 1}: reference`),
    );
    assert.match(
      refused.body.errors[0].reason,
      /upload unlabelled recordings as a monitoring slice/,
    );
    assertProblem(await ward.upload('ward-unlabelled', clean.archive, 'audit'), 400, ['purpose']);

    const stored = await ward.upload('ward-unlabelled', clean.archive, 'monitoring').expect(201);
    assert.deepEqual(
      [stored.body.purpose, stored.body.itemCount, stored.body.modality, stored.body.alternates],
      ['monitoring', 16, 'audio', null],
    );
    const fetched = await ward.t.http
      .get(`/v1/tenants/${ward.tenant.slug}/slices/${stored.body.id}`)
      .set(bearer(ward.customer))
      .expect(200);
    assert.equal(fetched.body.purpose, 'monitoring');
    const items = await ward.t.http
      .get(`/v1/tenants/${ward.tenant.slug}/slices/${stored.body.id}/items`)
      .set(bearer(ward.customer))
      .expect(200);
    assert.deepEqual(items.body[0].references, null);

    // Labelled recordings may be watched as a monitoring slice; the same content under the same
    // name is one version, so asking for it as an evaluation slice is a conflict.
    const labelled = await wardRecordings(join(ward.work, 'labelled'), {
      voices: ['en-us'],
      phrases: PHRASES.slice(0, 2),
      condition: 'clean',
      labelled: true,
    });
    await ward.upload('ward-mixed', labelled.archive, 'monitoring').expect(201);
    assertProblem(await ward.upload('ward-mixed', labelled.archive), 409, ['purpose']);
  });

  it('raises condition_drift on unlabelled recordings, in words, with the worst recordings playable', async () => {
    const day1 = await ward.upload('ward-7-recordings', clean.archive, 'monitoring').expect(201);
    // pocketsphinx -time yes, read by the adapter: the confidence signal too
    const plan = await createMonitoredPlan(ward.t, {
      baseUrl: '',
      model: ward.confidenceModel,
      scenario: { kind: 'asr', config: { response: 'json' } },
      plan: { tenant: ward.tenant.slug, sliceIds: [day1.body.id], ...POLICIES },
    });
    for (let day = 1; day <= 2; day++) {
      const run = await plan.run();
      assert.equal(run.status, 'succeeded');
      assert.deepEqual(run.monitoring.incidents ?? [], []);
      const metrics = await ward.t.http.get(`/v1/runs/${run.id}/metrics`).set(admin).expect(200);
      const names = new Set(metrics.body.map((m: { name: string }) => m.name));
      // No reference, no WER: the word metrics are absent, the label-free signals are there.
      for (const absent of ['wer', 'cer', 'substitution_rate', 'wer_gap:accent'])
        assert.equal(names.has(absent), false, absent);
      for (const present of [
        'snr_db',
        'tonal_peak_rate',
        'empty_transcript_rate',
        'speech_ratio',
        'hyp_words',
        'confidence',
      ])
        assert.equal(names.has(present), true, present);
      const confidence = metrics.body.find(
        (m: { name: string; subgroup: string }) => m.name === 'confidence' && m.subgroup === 'all',
      );
      assert.ok(confidence.value > 0 && confidence.value <= 1, `confidence ${confidence.value}`);
    }

    const day3 = await ward.upload('ward-7-recordings', hum.archive, 'monitoring').expect(201);
    assert.equal(day3.body.version, 2);
    await ward.t.http
      .patch(`/v1/plans/${plan.planId}`)
      .set(admin)
      .send({ sliceIds: [day3.body.id] })
      .expect(200);
    const run = await plan.run();
    const incidents = await planAlerts(ward.t, plan.planId);
    assert.deepEqual(
      incidents.map((i) => i.type),
      ['condition_drift'],
    );
    const { body: incident } = await ward.t.http
      .get(`/v1/alerts/${incidents[0].id}`)
      .set(admin)
      .expect(200);
    const condition = incident.evidence.condition as {
      summary: string;
      groups: { subgroup: string; summary: string; n: number }[];
      recordings: {
        itemId: string;
        audio: string;
        transcript: string;
        snrDb: number;
        attributes: Record<string, string>;
      }[];
    };
    assert.match(
      condition.summary,
      /^a tonal peak at 1,000 Hz, \d+ dB above the noise floor, appeared in 16 of 16 recordings; estimated SNR \d+ → -?\d+ dB/,
    );
    // Signals with no better side alert either way: here the speaking rate rose (quiet phonemes
    // sank under the noise) and less of the audio passed as speech.
    assert.match(
      condition.summary,
      /; speaking rate [\d.]+ → [\d.]+ words per second of detected speech/,
    );
    assert.match(condition.summary, /; speech detected in \d+% → \d+% of the audio/);
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
    // the transcript as scored, not the adapter's JSON
    assert.match(worst.transcript, /^[a-z ]*$/);
    assert.equal(
      worst.audio,
      `/v1/tenants/${ward.tenant.id}/slices/${day3.body.id}/items/${worst.itemId}/audio`,
    );
    const played = await ward.t.http.get(worst.audio).set(bearer(ward.customer)).expect(200);
    assert.equal(played.headers['content-type'], 'audio/wav');
    assert.ok(Buffer.compare(played.body as Buffer, hum.audio.get(worst.itemId)!) === 0);
    await ward.t.http.get(worst.audio).set(bearer(ward.otherCustomer)).expect(404);
    const missing = worst.audio.replace(encodeURIComponent(worst.itemId), 'no-such-item');
    assertProblem(await ward.t.http.get(missing).set(bearer(ward.customer)), 404, []);

    const report = await ward.t.http.get(`/v1/runs/${run.id}/report`).set(admin).expect(200);
    assert.match(report.headers['content-security-policy'], /media-src 'self'/);
    assert.match(
      report.text,
      new RegExp(
        `<audio controls preload="none" src="/v1/tenants/${ward.tenant.id}/slices/${day3.body.id}/items/[^"]+/audio"></audio>`,
      ),
    );
  });

  it('reports every signal per speaker, and alert-tests only the groups speakers are resampled in', async () => {
    // Four nurses per accent, two recordings each (ids end in the phrase number 01–08).
    const nurse = (id: string) => {
      const [voice, , phrase] = id.split('_');
      return `${voice}-nurse-${(Number(phrase) % 4) + 1}`;
    };
    const recordings = { voices: VOICES, phrases: PHRASES, labelled: false, speaker: nurse };
    const quiet = await wardRecordings(join(ward.work, 'nurses-clean'), {
      ...recordings,
      condition: 'clean',
    });
    const humming = await wardRecordings(join(ward.work, 'nurses-hum'), {
      ...recordings,
      condition: 'hum',
    });
    const day1 = await ward.upload('ward-8-recordings', quiet.archive, 'monitoring').expect(201);
    const plan = await createMonitoredPlan(ward.t, {
      baseUrl: '',
      model: ward.confidenceModel,
      scenario: { kind: 'asr', config: { response: 'json' } },
      plan: { tenant: ward.tenant.slug, sliceIds: [day1.body.id], ...POLICIES },
    });
    await plan.run();
    await plan.run();
    const day3 = await ward.upload('ward-8-recordings', humming.archive, 'monitoring').expect(201);
    await ward.t.http
      .patch(`/v1/plans/${plan.planId}`)
      .set(admin)
      .send({ sliceIds: [day3.body.id] })
      .expect(200);
    const run = await plan.run();

    const { body: metrics } = await ward.t.http
      .get(`/v1/runs/${run.id}/metrics`)
      .set(admin)
      .expect(200);
    const rows = metrics as { name: string; subgroup: string; n: number }[];
    const speakers = [...new Set(quiet.rows.map((row) => `speaker=${row.attributes.speaker}`))];
    assert.equal(speakers.length, 8);
    for (const speaker of speakers)
      for (const name of ['snr_db', 'hyp_words', 'empty_transcript_rate', 'tonal_peak_rate'])
        assert.deepEqual(
          rows.filter((m) => m.name === name && m.subgroup === speaker).map((m) => m.n),
          [2],
          `${name} ${speaker}`,
        );

    const findings = await planFindings(ward.t, plan.planId);
    assert.deepEqual([...new Set(findings.map((f) => f.incidentType))], ['condition_drift']);
    assert.ok(findings.some((f) => f.subgroup === 'all' && f.metric === 'snr_db'));
    assert.deepEqual(
      findings.filter((f) => f.subgroup.includes('speaker=')).map((f) => f.subgroup),
      [],
    );
    // Four nurses per accent: the accent groups' tests are short of power and listed; no
    // speaker's is, since speakers are never tested alone.
    const underpowered = (run.monitoring as { underpowered?: { subgroup: string }[] }).underpowered;
    assert.ok(Array.isArray(underpowered));
    assert.ok(underpowered.some((u) => u.subgroup.startsWith('accent=')));
    assert.deepEqual(
      underpowered.filter((u) => u.subgroup.includes('speaker=')),
      [],
    );
  });
});
