import type { CardScope, Stores } from '@lastmile/persistence';
import { buildServiceCard } from './build-card';
import { driftWindowStart, type CardInput, type ServiceCard } from './card-types';

type CardStores = Pick<Stores, 'cards' | 'models' | 'scenarios'>;

/** Reads what a model's card shows in a scope; null when the model does not exist. */
export async function loadCardInput(
  stores: CardStores,
  modelId: string,
  scope: CardScope,
  now: Date,
): Promise<CardInput | null> {
  const model = await stores.models.find(modelId);
  if (!model) return null;
  const since = driftWindowStart(now);
  const [notes, span, evaluations, plans, scenarios, scenariosRun, incidents] = await Promise.all([
    stores.cards.notes(modelId),
    stores.cards.span(modelId, scope),
    stores.cards.evaluations(modelId, scope),
    stores.cards.plans(modelId, scope),
    stores.scenarios.list(),
    stores.cards.scenariosRun(modelId, scope),
    stores.cards.incidents(modelId, scope, since),
  ]);
  const metrics = await stores.cards.metricsOf(evaluations);
  return {
    generatedAt: now,
    scope: scope.kind,
    model,
    notes,
    span,
    evaluations,
    metrics,
    plans,
    scenarios: scenarios.map(({ id, name, kind }) => ({ id, name, kind })),
    scenariosRun,
    incidents,
  };
}

/**
 * Builds a model's card from stored results and records it: a new version key (model version,
 * runs, notes) is a new version in `GET /v1/models/:id/cards`; the same key again counts one more
 * generation of that version.
 */
export async function generateServiceCard(
  stores: CardStores,
  modelId: string,
  scope: CardScope,
  options: { now?: Date; record?: boolean } = {},
): Promise<{ card: ServiceCard; cardId: string | null } | null> {
  const input = await loadCardInput(stores, modelId, scope, options.now ?? new Date());
  if (!input) return null;
  const card = buildServiceCard(input);
  if (options.record === false) return { card, cardId: null };
  const { identity, ...content } = card;
  const recorded = await stores.cards.record({
    modelId,
    scope,
    versionKey: identity.versionKey,
    runsHash: identity.runsHash,
    contentHash: identity.contentHash,
    runIds: identity.runIds,
    content: { ...content, identity } as unknown as Record<string, unknown>,
    generatedAt: input.generatedAt,
  });
  return { card, cardId: recorded.id };
}
