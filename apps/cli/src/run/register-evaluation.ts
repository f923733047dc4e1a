import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { DataSource } from 'typeorm';
import { adapterSpecHash, parseAdapterSpec } from '@lastmile/adapters';
import { createRunForPlan, Model, Plan, Run, Scenario, storeSlice } from '@lastmile/persistence';
import { findScenarioKind, scenarioKindNames, type ScenarioKind } from '@lastmile/scenarios';
import { zodProblems } from '../../../api/src/common/zod-problems';
import { datasetName, loadDataset } from './dataset-loader';
import { ConfigFileError, type EvalConfig } from './eval-config';

export interface RegisteredEvaluation {
  run: Run;
  kind: ScenarioKind<unknown>;
  scenarioConfig: unknown;
  sliceName: string;
}

const shortHash = (value: unknown) =>
  createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 12);

/**
 * Stores what `lastmile run` evaluates exactly as the service would: model version, scenario,
 * slice (by content hash) and an unscheduled plan, then queues a run record for it.
 */
export async function registerEvaluation(
  dataSource: DataSource,
  config: EvalConfig,
  configPath: string,
): Promise<RegisteredEvaluation> {
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
  const scenarioConfig = parsedConfig.data;
  const spec = parseAdapterSpec(config.model.adapter);
  const adapterHash = adapterSpecHash(spec);
  const dataset = config.scenario.dataset
    ? resolve(config.baseDir, config.scenario.dataset)
    : undefined;
  let parsedSlice;
  try {
    parsedSlice = dataset
      ? await loadDataset(dataset, kind.modality === 'audio' ? 'audio' : 'text')
      : undefined;
  } catch (error) {
    throw new ConfigFileError(`scenario.dataset: ${(error as Error).message}`);
  }

  return dataSource.transaction(async (manager) => {
    const version = config.model.version ?? `spec-${adapterHash.slice(0, 12)}`;
    let model = await manager.getRepository(Model).findOneBy({ name: config.model.name, version });
    if (model && model.adapterHash !== adapterHash) {
      throw new ConfigFileError(
        `model ${config.model.name} version ${version} is already registered with another adapter: give it a new version`,
      );
    }
    model ??= await manager.getRepository(Model).save({
      name: config.model.name,
      version,
      modality: config.model.modality ?? (kind.modality === 'audio' ? 'speech' : 'text'),
      adapter: spec as unknown as Record<string, unknown>,
      adapterHash,
      defaultParams: {},
    });
    const scenarioName = `cli:${kind.kind}:${shortHash(scenarioConfig)}`;
    const scenario =
      (await manager.getRepository(Scenario).findOneBy({ name: scenarioName })) ??
      (await manager.getRepository(Scenario).save({
        name: scenarioName,
        kind: kind.kind,
        config: scenarioConfig as Record<string, unknown>,
      }));
    const sliceName = dataset ? datasetName(dataset, config.baseDir) : `builtin:${kind.kind}`;
    const sliceIds = parsedSlice
      ? [(await storeSlice(manager, null, sliceName, parsedSlice)).slice.id]
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
    const existing = await manager
      .getRepository(Plan)
      .findOneBy({ name: planName, modelId: model.id, scenarioId: scenario.id });
    const plan = await manager
      .getRepository(Plan)
      .save(existing ? { ...existing, ...planFields } : planFields);
    const run = await createRunForPlan(manager, plan, 'cli');
    return { run, kind, scenarioConfig, sliceName };
  });
}
