import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { adapterSpecHash, parseAdapterSpec, type AdapterSpec } from '@lastmile/adapters';
import { zodProblems } from '@lastmile/config';
import type { Database, Run, StorableSlice } from '@lastmile/persistence';
import {
  builtinItemsFor,
  builtinSampleProblem,
  findScenarioKind,
  scenarioKindNames,
  type ScenarioKind,
} from '@lastmile/scenarios';
import { datasetName, loadDataset } from './dataset-loader';
import { ConfigFileError, type EvalConfig } from './eval-config';

/** An evaluation config checked in full (kind, its config, adapter, dataset), nothing stored yet. */
export interface PreparedEvaluation {
  config: EvalConfig;
  kind: ScenarioKind<unknown>;
  scenarioConfig: unknown;
  spec: AdapterSpec;
  adapterHash: string;
  sliceName: string;
  slice: StorableSlice | undefined;
}

export interface RegisteredEvaluation {
  run: Run;
  kind: ScenarioKind<unknown>;
  scenarioConfig: unknown;
  sliceName: string;
}

const shortHash = (value: unknown) =>
  createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 12);

/**
 * Everything `lastmile run` can check without a database: an unknown kind, a config its kind
 * refuses, an invalid adapter or an unreadable dataset is a ConfigFileError (exit 2) before any
 * database starts.
 */
export async function prepareEvaluation(config: EvalConfig): Promise<PreparedEvaluation> {
  const kind = findScenarioKind(config.scenario.kind);
  if (!kind)
    throw new ConfigFileError(
      `scenario.kind: unknown kind "${config.scenario.kind}" (known: ${scenarioKindNames().join(', ')})`,
    );
  const parsedConfig = kind.configSchema.safeParse(config.scenario.config);
  if (!parsedConfig.success) {
    const problems = zodProblems(parsedConfig.error).map(
      (p) => `  scenario.config.${p.field}: ${p.reason}`,
    );
    throw new ConfigFileError(
      `scenario.config is invalid for kind ${kind.kind}:\n${problems.join('\n')}`,
    );
  }
  const spec = parseAdapterSpec(config.model.adapter);
  const dataset = config.scenario.dataset
    ? resolve(config.baseDir, config.scenario.dataset)
    : undefined;
  let slice: StorableSlice | undefined;
  try {
    slice = dataset
      ? await loadDataset(dataset, kind.modality === 'audio' ? 'audio' : 'text')
      : undefined;
  } catch (error) {
    throw new ConfigFileError(`scenario.dataset: ${(error as Error).message}`);
  }
  if (dataset && config.sample !== undefined)
    throw new ConfigFileError(
      "sample: draws from the kind's built-in data, and the config names a dataset (use sampleSize for a random subset of it)",
    );
  if (!dataset) checkBuiltinSample(kind, parsedConfig.data, config);
  if (!dataset && !builtinItemsFor(kind, parsedConfig.data, config.sample).length)
    throw new ConfigFileError(
      `scenario.dataset: kind ${kind.kind} has no built-in data, so the config must name a dataset`,
    );
  return {
    config,
    kind,
    scenarioConfig: parsedConfig.data,
    spec,
    adapterHash: adapterSpecHash(spec),
    sliceName: dataset ? datasetName(dataset, config.baseDir) : `builtin:${kind.kind}`,
    slice,
  };
}

/** A sample (the config's top-level one, else the scenario config's) by an attribute no item has. */
function checkBuiltinSample(
  kind: ScenarioKind<unknown>,
  scenarioConfig: unknown,
  config: EvalConfig,
) {
  if (!kind.builtinItems) return;
  const field = config.sample === undefined ? 'scenario.config.sample.by' : 'sample.by';
  const problem = builtinSampleProblem(kind, scenarioConfig, config.sample);
  if (problem)
    throw new ConfigFileError(`${field}: ${problem.message} in the built-in data of ${kind.kind}`);
}

/**
 * Stores what `lastmile run` evaluates exactly as the service would: model version, scenario,
 * slice (by content hash) and an unscheduled plan, then queues a run record for it.
 */
export function registerEvaluation(
  database: Database,
  prepared: PreparedEvaluation,
  configPath: string,
): Promise<RegisteredEvaluation> {
  const { config, kind, scenarioConfig, spec, adapterHash, sliceName } = prepared;
  return database.transaction(async (stores) => {
    const version = config.model.version ?? `spec-${adapterHash.slice(0, 12)}`;
    let model = await stores.models.findByNameVersion(config.model.name, version);
    if (model && model.adapterHash !== adapterHash) {
      throw new ConfigFileError(
        `model ${config.model.name} version ${version} is already registered with another adapter: give it a new version`,
      );
    }
    model ??= await stores.models.create({
      name: config.model.name,
      version,
      modality: config.model.modality ?? (kind.modality === 'audio' ? 'speech' : 'text'),
      adapter: spec as unknown as Record<string, unknown>,
      adapterHash,
      defaultParams: {},
    });
    const scenarioName = `cli:${kind.kind}:${shortHash(scenarioConfig)}`;
    const scenario =
      (await stores.scenarios.findByName(scenarioName)) ??
      (await stores.scenarios.create({
        name: scenarioName,
        kind: kind.kind,
        config: scenarioConfig as Record<string, unknown>,
      }));
    const sliceIds = prepared.slice
      ? [(await stores.slices.store(null, sliceName, prepared.slice)).slice.id]
      : [];
    const planName = `cli:${resolve(configPath)}`;
    const planFields = {
      name: planName,
      modelId: model.id,
      scenarioId: scenario.id,
      sliceIds,
      tenantId: null,
      cron: null,
      enabled: false,
      sampleSize: config.sampleSize ?? null,
      sample: config.sample ?? null,
      seed: config.seed,
      baselinePolicy: { kind: 'first_n' as const, n: 1 },
      alertPolicy: {
        alpha: config.gate.alpha,
        minEffect: config.gate.minEffect,
        severity: { warning: config.gate.minEffect, critical: 0.1 },
        autoResolveAfter: 2,
      },
      channels: [],
      cacheResponses: false,
    };
    const existing = await stores.plans.findByIdentity(planName, model.id, scenario.id);
    const plan = await stores.plans.save(existing ? { ...existing, ...planFields } : planFields);
    const run = await stores.runs.createForPlan(plan, 'cli');
    return { run, kind, scenarioConfig, sliceName };
  });
}
