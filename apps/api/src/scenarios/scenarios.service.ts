import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Scenario } from '@lastmile/persistence';
import { findScenarioKind, scenarioKindNames } from '@lastmile/scenarios';
import { AuditService } from '../common/audit.service';
import { isUniqueViolation } from '../common/postgres-errors';
import { conflict, invalid, notFound } from '../common/problem.exception';
import { zodProblems } from '../common/zod-problems';
import type { Principal } from '../auth/principal';
import type { CreateScenarioBody } from './scenario.dto';

@Injectable()
export class ScenariosService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(principal: Principal, body: CreateScenarioBody): Promise<Scenario> {
    const config = this.validateConfig(body.kind, body.config);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const scenario = await manager
          .getRepository(Scenario)
          .save({ name: body.name, kind: body.kind, config });
        await this.audit.record(
          principal,
          'create',
          'scenario',
          scenario.id,
          { kind: body.kind },
          manager,
        );
        return scenario;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(`scenario ${body.name} already exists`);
      throw error;
    }
  }

  list(): Promise<Scenario[]> {
    return this.dataSource
      .getRepository(Scenario)
      .find({ order: { createdAt: 'DESC' }, take: 500 });
  }

  async get(id: string): Promise<Scenario> {
    const scenario = await this.dataSource.getRepository(Scenario).findOneBy({ id });
    if (!scenario) throw notFound('scenario', id);
    return scenario;
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
    const parsed = kind.configSchema.safeParse(config);
    if (!parsed.success) {
      const errors = zodProblems(parsed.error).map((e) => ({ ...e, field: `config.${e.field}` }));
      throw invalid(
        `config is invalid for kind ${kindName}: ${errors.map((e) => `${e.field}: ${e.reason}`).join('; ')}`,
        errors,
      );
    }
    return parsed.data as Record<string, unknown>;
  }
}
