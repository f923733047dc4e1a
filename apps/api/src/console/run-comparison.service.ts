import { Injectable } from '@nestjs/common';
import { benjaminiHochbergQValues } from '@lastmile/metrics';
import {
  driftTests,
  alignItems,
  itemClusters,
  itemValuesFor,
  ItemValues,
  type DriftTest,
  type SkippedTest,
} from '@lastmile/monitoring';
import { Database, type Run } from '@lastmile/persistence';
import type { Principal } from '../auth/principal';
import { invalid } from '../common/problem.exception';
import { RunsService } from '../runs/runs.service';
import { ConsoleLookups, type ConsoleMetric } from './console-lookups.service';

/** One metric × group of two runs: A's and B's value on shared items, B − A, its test. */
export interface ComparedCell extends DriftTest {
  slice: string;
  qValue: number;
}

/** An item whose value of the headline metric differs between the runs. */
export interface ChangedItem {
  slice: string;
  itemId: string;
  a: number;
  b: number;
  input: string | null;
  reference: string | null;
  answerA: string | null;
  answerB: string | null;
}

export interface RunComparison {
  a: Run;
  b: Run;
  metrics: Map<string, ConsoleMetric>;
  cells: ComparedCell[];
  skipped: (SkippedTest & { slice: string })[];
  headline: string | null;
  changed: ChangedItem[];
  changedCount: number;
  notes: string[];
}

const CHANGED_SHOWN = 25;
const SEED = 20_240_601;

/**
 * Two runs side by side, with the monitor's own tests: item values by the scenario's metrics
 * (itemValuesFor), then driftTests pairing items by id — exact McNemar or sign flips at small n,
 * the paired tests of compareToBaseline from 30 items, clustered by speaker — with A as the
 * reference and B as the current run, no minimum effect, and Benjamini–Hochberg across every
 * metric and group. Both runs are read through RunsService: the API's tenant scope.
 */
@Injectable()
export class RunComparisonService {
  constructor(
    private readonly runs: RunsService,
    private readonly database: Database,
    private readonly lookups: ConsoleLookups,
  ) {}

  async compare(principal: Principal, aId: string, bId: string): Promise<RunComparison> {
    const [a, b] = await Promise.all([
      this.runs.get(principal, aId),
      this.runs.get(principal, bId),
    ]);
    if (a.id === b.id)
      throw invalid('choose two different runs', [{ field: 'b', reason: 'same run as a' }]);
    const notes: string[] = [];
    const metrics = await this.lookups.metrics(b.scenarioId);
    if (a.scenarioId !== b.scenarioId)
      notes.push(
        'The runs evaluated different scenarios: only metrics of the same name are compared.',
      );
    const definitions = [...metrics.values()];
    const pairs = this.slicePairs(a, b, notes);
    const names = await this.lookups.sliceNames(pairs.flatMap((p) => [p.a, p.b]));
    const cells: Omit<ComparedCell, 'qValue'>[] = [];
    const skipped: RunComparison['skipped'] = [];
    const headline = definitions.find((d) => d.level !== 'run' && !d.descriptive) ?? null;
    const changed: ChangedItem[] = [];
    let changedCount = 0;
    for (const pair of pairs) {
      const label = names.get(pair.b) ?? pair.b;
      const [instancesA, instancesB] = await Promise.all([
        this.database.stores.results.scoredInstances(a.id, pair.a),
        this.database.stores.results.scoredInstances(b.id, pair.b),
      ]);
      const valuesA = itemValuesFor(definitions, instancesA as never);
      const valuesB = itemValuesFor(definitions, instancesB as never);
      const clusters = itemClusters(instancesB);
      const pairSkipped: SkippedTest[] = [];
      for (const test of driftTests({
        metrics: definitions,
        baseline: valuesA,
        current: valuesB,
        minEffect: 0,
        seed: SEED,
        clusterOf: clusters.size > 0 ? (itemId) => clusters.get(itemId) : undefined,
        skipped: pairSkipped,
      }))
        cells.push({ ...test, slice: label });
      skipped.push(...pairSkipped.map((s) => ({ ...s, slice: label })));
      if (!headline) continue;
      const before = valuesA[headline.name]?.all ?? ItemValues.empty;
      const after = valuesB[headline.name]?.all ?? ItemValues.empty;
      const aligned = alignItems(after, before);
      const moved = Array.from(aligned.current, (at, k) => ({
        id: after.idAt(at),
        a: before.shareAt(aligned.baseline[k]),
        b: after.shareAt(at),
      }))
        .filter((m) => m.a !== m.b)
        .sort((x, y) => Math.abs(y.b - y.a) - Math.abs(x.b - x.a) || (x.id < y.id ? -1 : 1));
      changedCount += moved.length;
      const shown = moved.slice(0, Math.max(0, CHANGED_SHOWN - changed.length));
      const keys = shown.map((m) => m.id);
      const [textsA, textsB] = await Promise.all([
        this.database.stores.results.withItems(a.id, pair.a, keys),
        this.database.stores.results.withItems(b.id, pair.b, keys),
      ]);
      for (const m of shown) {
        const ra = textsA.find((r) => r.itemKey === m.id);
        const rb = textsB.find((r) => r.itemKey === m.id);
        changed.push({
          slice: label,
          itemId: m.id,
          a: m.a,
          b: m.b,
          input: rb?.input ?? ra?.input ?? null,
          reference: rb?.references?.[0] ?? ra?.references?.[0] ?? null,
          answerA: ra?.response ?? null,
          answerB: rb?.response ?? null,
        });
      }
    }
    const qValues = benjaminiHochbergQValues(cells.map((c) => c.pValue));
    return {
      a,
      b,
      metrics,
      cells: cells.map((c, i) => ({ ...c, qValue: qValues[i] })),
      skipped,
      headline: headline?.name ?? null,
      changed,
      changedCount,
      notes,
    };
  }

  /** The slices the two runs share; or their only slices, when each ran one (two versions). */
  private slicePairs(a: Run, b: Run, notes: string[]): { a: string; b: string }[] {
    const slicesA = Object.keys(a.provenance?.sliceHashes ?? {});
    const slicesB = Object.keys(b.provenance?.sliceHashes ?? {});
    const shared = slicesB.filter((id) => slicesA.includes(id));
    if (shared.length) return shared.map((id) => ({ a: id, b: id }));
    if (slicesA.length === 1 && slicesB.length === 1) {
      notes.push('The runs used different slice versions: items are paired by their id.');
      return [{ a: slicesA[0], b: slicesB[0] }];
    }
    notes.push('The runs share no slice: there is nothing to pair.');
    return [];
  }
}
