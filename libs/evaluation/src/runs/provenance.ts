import { canonicalJson, sha256Hex } from '@lastmile/hashing';
import type { Provenance } from '@lastmile/persistence';
import type { RunPlan } from './run-plan';

export function buildProvenance(plan: RunPlan, harnessVersion: string): Provenance {
  const scoring = plan.kind.scoringProvenance?.(plan.config) ?? undefined;
  return {
    ...(scoring ? { scoring, scoringHash: sha256Hex(canonicalJson(scoring)) } : {}),
    modelSpecHash: plan.model.adapterHash,
    model: `${plan.model.name}@${plan.model.version}`,
    sliceHashes: Object.fromEntries(plan.slices.map((slice) => [slice.id, slice.contentHash])),
    scenarioKind: plan.kind.kind,
    scenarioVersion: plan.kind.version,
    harnessVersion,
    seed: plan.seed,
    sampleSize: plan.sampleSize,
  };
}
