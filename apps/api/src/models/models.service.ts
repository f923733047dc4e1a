import { Inject, Injectable } from '@nestjs/common';
import { adapterSpecHash, type ServerPolicy } from '@lastmile/adapters';
import { Database, type Model } from '@lastmile/persistence';
import { AuditService } from '../common/audit.service';
import { conflict, invalid, notFound } from '../common/problem.exception';
import { isUniqueViolation } from '../common/postgres-errors';
import { SERVER_POLICY } from '../security/server-policy.provider';
import type { Principal } from '../auth/principal';
import { adapterRefusals } from './adapter-policy';
import type { CreateModelBody } from './model.dto';

@Injectable()
export class ModelsService {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
    @Inject(SERVER_POLICY) private readonly policy: ServerPolicy,
  ) {}

  async create(principal: Principal, body: CreateModelBody): Promise<Model> {
    const refusals = adapterRefusals(body.adapter, this.policy);
    if (refusals.length) throw invalid(refusals[0].reason, refusals);
    if (
      (body.adapter as { kind: string }).kind === 'openai-transcription' &&
      body.modality !== 'speech'
    ) {
      throw invalid('a transcription adapter needs modality "speech"', [
        { field: 'modality', reason: 'must be "speech" for an openai-transcription adapter' },
      ]);
    }
    try {
      return await this.database.transaction(async (stores) => {
        const model = await stores.models.create({
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
          stores,
        );
        return model;
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw conflict(`model ${body.name} version ${body.version} is already registered`);
      throw error;
    }
  }

  async list(principal: Principal, name?: string): Promise<Model[] | CustomerModelView[]> {
    const models = await this.database.stores.models.list(name);
    return principal.role === 'customer' ? models.map(customerModelView) : models;
  }

  async get(principal: Principal, id: string): Promise<Model | CustomerModelView> {
    const model = await this.database.stores.models.find(id);
    if (!model) throw notFound('model', id);
    return principal.role === 'customer' ? customerModelView(model) : model;
  }
}

/** What a customer key sees of a model: never its adapter (hosts, headers, key names, programs). */
export interface CustomerModelView {
  id: string;
  name: string;
  version: string;
  modality: Model['modality'];
  createdAt: Date;
}

function customerModelView(model: Model): CustomerModelView {
  return {
    id: model.id,
    name: model.name,
    version: model.version,
    modality: model.modality,
    createdAt: model.createdAt,
  };
}
