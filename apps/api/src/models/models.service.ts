import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@lastmile/config';
import { adapterSpecHash } from '@lastmile/adapters';
import { Model } from '@lastmile/persistence';
import { AuditService } from '../common/audit.service';
import { conflict, invalid, notFound } from '../common/problem.exception';
import { isUniqueViolation } from '../common/postgres-errors';
import { APP_CONFIG } from '../config.token';
import type { Principal } from '../auth/principal';
import { checkAdapterAllowed } from './adapter-policy';
import type { CreateModelBody } from './model.dto';

@Injectable()
export class ModelsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(principal: Principal, body: CreateModelBody): Promise<Model> {
    const refusal = checkAdapterAllowed(body.adapter, this.config);
    if (refusal) throw invalid(refusal.reason, [refusal]);
    if (
      (body.adapter as { kind: string }).kind === 'openai-transcription' &&
      body.modality !== 'speech'
    ) {
      throw invalid('a transcription adapter needs modality "speech"', [
        { field: 'modality', reason: 'must be "speech" for an openai-transcription adapter' },
      ]);
    }
    try {
      return await this.dataSource.transaction(async (manager) => {
        const model = await manager.getRepository(Model).save({
          name: body.name,
          version: body.version,
          modality: body.modality,
          adapter: body.adapter as Record<string, unknown>,
          adapterHash: adapterSpecHash(body.adapter),
          defaultParams: body.defaultParams,
        });
        await this.audit.record(
          principal,
          'create',
          'model',
          model.id,
          { name: model.name, version: model.version },
          manager,
        );
        return model;
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw conflict(`model ${body.name} version ${body.version} is already registered`);
      throw error;
    }
  }

  list(name?: string): Promise<Model[]> {
    return this.dataSource.getRepository(Model).find({
      where: name ? { name } : {},
      order: { createdAt: 'DESC' },
      take: 500,
    });
  }

  async get(id: string): Promise<Model> {
    const model = await this.dataSource.getRepository(Model).findOneBy({ id });
    if (!model) throw notFound('model', id);
    return model;
  }
}
