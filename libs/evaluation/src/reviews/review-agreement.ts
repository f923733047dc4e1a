import {
  cohensKappa,
  judgeHumanAgreement,
  krippendorffAlphaInterval,
  type AlphaLevel,
  type KappaResult,
} from '@lastmile/metrics';
import type { LabelledTask } from '@lastmile/persistence';

/** Seeded so that the same labels always give the same intervals. */
const BOOTSTRAP = { seed: 1, resamples: 2000 };

export interface AlphaReport {
  level: AlphaLevel;
  value: number | null;
  low: number | null;
  high: number | null;
  /** Tasks with at least two labels (pairable). */
  units: number;
  pairableValues: number;
}

export interface KappaReport {
  kappa: number | null;
  /** Fleiss–Cohen–Everitt large-sample standard error. */
  standardError: number | null;
  low: number | null;
  high: number | null;
  observed: number;
  expected: number;
  n: number;
}

export interface ReviewerPairReport extends KappaReport {
  reviewers: [string, string];
}

export interface JudgeAgreementReport {
  judgeId: string;
  mode: string;
  rubric: string;
  /** Tasks with a majority among people (ties left out). */
  n: number;
  agreements: number;
  rate: number | null;
  /** Wilson interval of the rate. */
  low: number | null;
  high: number | null;
  /** Cohen's κ between the judge's verdicts and people's majority verdicts. */
  kappa: KappaReport | null;
  /** Labelled tasks left out: people split evenly. */
  withoutMajority: number;
  /** The same per group (the stratum each task was sampled in). */
  groups: { group: string; n: number; agreements: number; rate: number | null }[];
}

export interface ReviewAgreementReport {
  /** Labelled tasks, labels and distinct reviewers in the caller's scope. */
  tasks: number;
  labels: number;
  reviewers: number;
  people: {
    /** Krippendorff's α on the scores (interval distance; single mode only). */
    scoreAlpha: AlphaReport | null;
    /** Krippendorff's α on the verdicts (pass/fail, or win/tie/loss; nominal). */
    verdictAlpha: AlphaReport;
    /** Cohen's κ on the verdicts for every two reviewers who labelled the same tasks. */
    pairs: ReviewerPairReport[];
  };
  judges: JudgeAgreementReport[];
}

const finite = (x: number) => (Number.isFinite(x) ? x : null);

function alphaReport(
  tasks: readonly LabelledTask[],
  reviewers: readonly string[],
  level: AlphaLevel,
  value: (label: LabelledTask['labels'][number]) => string | number | null,
): AlphaReport {
  // Units are tasks, coders are reviewers: a reviewer who did not label a task is missing data.
  const units = tasks.map((task) =>
    reviewers.map((reviewer) => {
      const label = task.labels.find((l) => l.reviewerKeyId === reviewer);
      return label ? value(label) : null;
    }),
  );
  const result = krippendorffAlphaInterval(units, level, BOOTSTRAP);
  return {
    level,
    value: finite(result.alpha),
    low: finite(result.low),
    high: finite(result.high),
    units: result.units,
    pairableValues: result.pairableValues,
  };
}

function kappaReport(result: KappaResult): KappaReport {
  return {
    kappa: finite(result.kappa),
    standardError: result.standardError,
    low: result.interval?.low ?? null,
    high: result.interval?.high ?? null,
    observed: result.observed,
    expected: result.expected,
    n: result.n,
  };
}

/**
 * Agreement among people and between the judge and people over labelled review tasks: α on the
 * scores (interval) and on the verdicts (nominal) with seeded bootstrap intervals over tasks;
 * Cohen's κ with its standard error for every pair of reviewers who share tasks; per judge, the
 * share of tasks where its verdict is the people's majority verdict (Wilson interval), κ between
 * the two, and the same per group.
 */
export function reviewAgreement(tasks: readonly LabelledTask[]): ReviewAgreementReport {
  const reviewers = [...new Set(tasks.flatMap((t) => t.labels.map((l) => l.reviewerKeyId)))].sort();
  const single = tasks.some((t) => t.judge.mode === 'single');
  const pairs: ReviewerPairReport[] = [];
  for (let a = 0; a < reviewers.length; a++) {
    for (let b = a + 1; b < reviewers.length; b++) {
      const shared: [string, string][] = [];
      for (const task of tasks) {
        const first = task.labels.find((l) => l.reviewerKeyId === reviewers[a]);
        const second = task.labels.find((l) => l.reviewerKeyId === reviewers[b]);
        if (first && second) shared.push([first.label, second.label]);
      }
      if (shared.length > 0)
        pairs.push({
          reviewers: [reviewers[a], reviewers[b]],
          ...kappaReport(cohensKappa(shared)),
        });
    }
  }
  const byJudge = new Map<string, LabelledTask[]>();
  for (const task of tasks) byJudge.set(task.judgeId, [...(byJudge.get(task.judgeId) ?? []), task]);
  const judges = [...byJudge.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([judgeId, judged]): JudgeAgreementReport => {
      const result = judgeHumanAgreement(
        judged.map((t) => ({
          itemId: t.taskId,
          judge: t.judgeLabel,
          humans: t.labels.map((l) => l.label),
        })),
      );
      const agreeing = new Map(result.perItem.map((p) => [p.itemId, p.agree]));
      const groups = new Map<string, { n: number; agreements: number }>();
      for (const task of judged) {
        const agree = agreeing.get(task.taskId);
        if (agree === undefined) continue;
        const group = groups.get(task.stratum) ?? { n: 0, agreements: 0 };
        group.n += 1;
        if (agree) group.agreements += 1;
        groups.set(task.stratum, group);
      }
      return {
        judgeId,
        mode: judged[0].judge.mode,
        rubric: judged[0].judge.rubric,
        n: result.n,
        agreements: result.agreements,
        rate: result.rate,
        low: result.n === 0 ? null : result.interval.low,
        high: result.n === 0 ? null : result.interval.high,
        kappa: result.kappa ? kappaReport(result.kappa) : null,
        withoutMajority: result.withoutMajority.length,
        groups: [...groups.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([group, g]) => ({ group, ...g, rate: g.n ? g.agreements / g.n : null })),
      };
    });
  return {
    tasks: tasks.length,
    labels: tasks.reduce((n, t) => n + t.labels.length, 0),
    reviewers: reviewers.length,
    people: {
      scoreAlpha: single ? alphaReport(tasks, reviewers, 'interval', (l) => l.score) : null,
      verdictAlpha: alphaReport(tasks, reviewers, 'nominal', (l) => l.label),
      pairs,
    },
    judges,
  };
}
