import type { DriftFinding } from '@lastmile/monitoring';
import type { EvaluationResult } from './evaluation-result';

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** JUnit XML for CI systems: the run's health, then one case per gated metric and subgroup. */
export function junitReport(result: EvaluationResult, findings: DriftFinding[] | null): string {
  const cases: string[] = [];
  const runFailed = result.run.status === 'failed';
  cases.push(
    `<testcase classname="lastmile.run" name="run ${result.run.id} ${result.run.status}">${
      runFailed
        ? `<failure message="${escape(String(result.run.errorSummary?.reason ?? 'run failed'))}"/>`
        : ''
    }</testcase>`,
  );
  for (const finding of findings ?? []) {
    const name = `${finding.metric} [${finding.subgroup}]`;
    const body =
      finding.verdict === 'worse'
        ? `<failure message="${escape(`${finding.metric} worse by ${finding.delta.toFixed(4)} (q=${finding.qValue.toPrecision(3)})`)}"/>`
        : '';
    cases.push(`<testcase classname="lastmile.drift" name="${escape(name)}">${body}</testcase>`);
  }
  const failures =
    (runFailed ? 1 : 0) + (findings ?? []).filter((f) => f.verdict === 'worse').length;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="lastmile" tests="${cases.length}" failures="${failures}">\n  ${cases.join('\n  ')}\n</testsuite>\n`;
}
