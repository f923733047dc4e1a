import { canonicalJson, sha256Hex } from '@lastmile/hashing';
import { buildEvaluation } from './card-evaluation';
import { deriveLimitations } from './card-limitations';
import {
  CARD_FORMAT,
  DRIFT_WINDOW_DAYS,
  driftWindowStart,
  type CardEvaluation,
  type CardInput,
  type ServiceCard,
} from './card-types';

const SCOPE_TEXT = {
  all: 'Built from every evaluation of this model (the operator’s view).',
  tenant:
    'Built from public evaluations and your own organisation’s only; other customers’ data never appears on it.',
};

/** A service card from stored results: no I/O, the same input gives the same card. */
export function buildServiceCard(input: CardInput): ServiceCard {
  const evaluations = input.evaluations
    .map((row) =>
      buildEvaluation(
        row,
        input.metrics.filter((m) => m.runId === row.runId && m.sliceId === row.sliceId),
      ),
    )
    .sort(byPlanAndSlice);
  const since = driftWindowStart(input.generatedAt);
  const card: Omit<ServiceCard, 'identity'> = {
    format: CARD_FORMAT,
    generatedAt: input.generatedAt.toISOString(),
    scope: { kind: input.scope, text: SCOPE_TEXT[input.scope] },
    model: {
      id: input.model.id,
      name: input.model.name,
      version: input.model.version,
      modality: input.model.modality,
      adapterSpecHash: input.model.adapterHash,
      registeredAt: input.model.createdAt.toISOString(),
      firstEvaluatedAt: input.span.first,
      lastEvaluatedAt: input.span.last,
      finishedRuns: input.span.runs,
    },
    intendedUse: {
      intendedUse: input.notes?.intendedUse ?? null,
      outOfScope: input.notes?.outOfScope ?? null,
      contact: input.notes?.contact ?? null,
      updatedAt: input.notes?.updatedAt?.toISOString() ?? null,
    },
    evaluations,
    drift: {
      windowDays: DRIFT_WINDOW_DAYS,
      since: since.toISOString(),
      open: input.incidents.filter((i) => i.resolvedAt === null).length,
      resolved: input.incidents.filter((i) => i.resolvedAt !== null).length,
      incidents: input.incidents.map((i) => ({
        id: i.id,
        type: i.type,
        status: i.status,
        severity: i.severity,
        title: i.title,
        openedAt: i.openedAt,
        resolvedAt: i.resolvedAt,
        planId: i.planId,
        planName: i.planName,
        slice: i.sliceName ? `${i.sliceName} v${i.sliceVersion}` : null,
      })),
    },
    limitations: deriveLimitations(input, evaluations),
    reproduce: reproduce(evaluations),
  };
  const runIds = [...new Set(evaluations.map((e) => e.run.id))].sort();
  return {
    ...card,
    identity: {
      versionKey: cardVersionKey(card.model, runIds, card.intendedUse),
      contentHash: cardContentHash(card),
      runsHash: sha256Hex(runIds.join(',')),
      runIds,
    },
  };
}

/**
 * A card's version: the model (id and version), the runs it summarizes and the hand-written notes.
 * Not the drift window or the incidents in it: the same runs regenerated another day are the same
 * version. An edit of the notes is a new one — they are what the card says the model is for.
 */
export function cardVersionKey(
  model: Pick<ServiceCard['model'], 'id' | 'version'>,
  runIds: readonly string[],
  notes: Pick<ServiceCard['intendedUse'], 'intendedUse' | 'outOfScope' | 'contact'>,
): string {
  const { intendedUse, outOfScope, contact } = notes;
  return sha256Hex(
    canonicalJson({
      model: { id: model.id, version: model.version },
      runIds: [...runIds].sort(),
      notes: { intendedUse, outOfScope, contact },
    }),
  );
}

/** The hash of what a card says: everything but its identity and when it was generated. */
export function cardContentHash(card: Omit<ServiceCard, 'identity'> | ServiceCard): string {
  const { generatedAt: _at, ...content } = card as ServiceCard;
  const { identity: _identity, ...rest } = content as Partial<ServiceCard>;
  return sha256Hex(canonicalJson(rest));
}

const byPlanAndSlice = (a: CardEvaluation, b: CardEvaluation) =>
  a.planName.localeCompare(b.planName) ||
  a.planId.localeCompare(b.planId) ||
  a.slice.name.localeCompare(b.slice.name) ||
  a.slice.version - b.slice.version;

function reproduce(evaluations: CardEvaluation[]): ServiceCard['reproduce'] {
  const plans = new Map<string, ServiceCard['reproduce']['plans'][number]>();
  for (const e of evaluations) {
    const plan = plans.get(e.planId) ?? {
      planId: e.planId,
      planName: e.planName,
      seed: e.run.seed,
      sampleSize: e.run.sampleSize,
      scenario: `${e.scenario.name} (${e.scenario.kind}${e.scenario.version ? ` v${e.scenario.version}` : ''})`,
      slices: [],
      runIds: [],
    };
    plan.slices.push(`${e.slice.name} v${e.slice.version}`);
    if (!plan.runIds.includes(e.run.id)) plan.runIds.push(e.run.id);
    plans.set(e.planId, plan);
  }
  const harnessVersions = [
    ...new Set(evaluations.flatMap((e) => (e.run.harnessVersion ? [e.run.harnessVersion] : []))),
  ].sort();
  return { harnessVersions, plans: [...plans.values()] };
}
