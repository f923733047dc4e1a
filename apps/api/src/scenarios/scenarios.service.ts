import { Inject, Injectable } from '@nestjs/common';
import type { ServerPolicy } from '@lastmile/adapters';
import { Database, type Scenario } from '@lastmile/persistence';
import { builtinSampleProblem, findScenarioKind, scenarioKindNames } from '@lastmile/scenarios';
import { AuditService } from '../common/audit.service';
import { isUniqueViolation } from '../common/postgres-errors';
import { conflict, invalid, notFound } from '../common/problem.exception';
import { zodProblems } from '@lastmile/config';
import type { Principal } from '../auth/principal';
import { SERVER_POLICY } from '../security/server-policy.provider';
import type { CreateScenarioBody } from './scenario.dto';

@Injectable()
export class ScenariosService {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
    @Inject(SERVER_POLICY) private readonly policy: ServerPolicy,
  ) {}

  async create(principal: Principal, body: CreateScenarioBody): Promise<Scenario> {
    const config = this.validateConfig(body.kind, body.config);
    try {
      return await this.database.transaction(async (stores) => {
        const scenario = await stores.scenarios.create({
          name: body.name,
          kind: body.kind,
          config,
        });
        await this.audit.record(
          principal,
          'create',
          'scenario',
          scenario.id,
          { kind: body.kind },
          stores,
        );
        return scenario;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(`scenario ${body.name} already exists`);
      throw error;
    }
  }

  async list(principal: Principal): Promise<Scenario[] | CustomerScenarioView[]> {
    const scenarios = await this.database.stores.scenarios.list();
    return principal.role === 'customer' ? scenarios.map(customerScenarioView) : scenarios;
  }

  async get(principal: Principal, id: string): Promise<Scenario | CustomerScenarioView> {
    const scenario = await this.database.stores.scenarios.find(id);
    if (!scenario) throw notFound('scenario', id);
    return principal.role === 'customer' ? customerScenarioView(scenario) : scenario;
  }

  kinds() {
    return scenarioKindNames().map((name) => {
      const kind = findScenarioKind(name)!;
      return { kind: name, version: kind.version, modality: kind.modality };
    });
  }

  /** The kind's own schema validates the config; defaults are stored so runs are reproducible. */
  private validateConfig(
    kindName: string,
    config: Record<string, unknown>,
  ): Record<string, unknown> {
    const kind = findScenarioKind(kindName);
    if (!kind) {
      throw invalid(`unknown scenario kind "${kindName}"`, [
        { field: 'kind', reason: `must be one of: ${scenarioKindNames().join(', ')}` },
      ]);
    }
    // Classifiers and judges inside a config name keys and headers like model adapters do.
    const refusals = this.policy
      .specRefusals(config)
      .map(({ path, reason }) => ({ field: `config.${path}`, reason }));
    if (refusals.length) throw invalid(refusals[0].reason, refusals);
    const parsed = kind.configSchema.safeParse(config);
    if (!parsed.success) {
      const errors = zodProblems(parsed.error).map((e) => ({ ...e, field: `config.${e.field}` }));
      throw invalid(
        `config is invalid for kind ${kindName}: ${errors.map((e) => `${e.field}: ${e.reason}`).join('; ')}`,
        errors,
      );
    }
    // A sample by an attribute no built-in item carries would silently be one stratum.
    const sampleProblem = builtinSampleProblem(kind, parsed.data);
    if (sampleProblem)
      throw invalid(`config.sample.by: ${sampleProblem.message}`, [
        {
          field: 'config.sample.by',
          reason: `${sampleProblem.message} in the built-in data of ${kindName}`,
        },
      ]);
    return parsed.data as Record<string, unknown>;
  }
}

/** What a customer key sees of a scenario: what it measures, not how it is configured. */
export interface CustomerScenarioView {
  id: string;
  name: string;
  kind: string;
  createdAt: Date;
}

function customerScenarioView(scenario: Scenario): CustomerScenarioView {
  return {
    id: scenario.id,
    name: scenario.name,
    kind: scenario.kind,
    createdAt: scenario.createdAt,
  };
}
