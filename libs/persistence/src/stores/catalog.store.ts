import { IsNull, type EntityManager } from 'typeorm';
import { ApiKey, type Role } from '../entities/api-key.entity';
import { AuditEntry } from '../entities/audit-entry.entity';
import { Model } from '../entities/model.entity';
import { Scenario } from '../entities/scenario.entity';
import { Tenant } from '../entities/tenant.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The tenants table. */
export class TenantsStore {
  constructor(private readonly db: EntityManager) {}

  create(fields: Pick<Tenant, 'slug' | 'name'>): Promise<Tenant> {
    return this.db.getRepository(Tenant).save(fields);
  }

  list(): Promise<Tenant[]> {
    return this.db.getRepository(Tenant).find({ order: { createdAt: 'ASC' } });
  }

  /** By id or slug: paths such as /v1/tenants/st-elsewhere/slices read better. */
  find(idOrSlug: string): Promise<Tenant | null> {
    const repository = this.db.getRepository(Tenant);
    return UUID.test(idOrSlug)
      ? repository.findOneBy({ id: idOrSlug.toLowerCase() })
      : repository.findOneBy({ slug: idOrSlug });
  }
}

/** The models table (a new version is a new row). */
export class ModelsStore {
  constructor(private readonly db: EntityManager) {}

  create(fields: Omit<Model, 'id' | 'createdAt'>): Promise<Model> {
    return this.db.getRepository(Model).save(fields);
  }

  list(name?: string): Promise<Model[]> {
    return this.db.getRepository(Model).find({
      where: name ? { name } : {},
      order: { createdAt: 'DESC' },
      take: 500,
    });
  }

  find(id: string): Promise<Model | null> {
    return this.db.getRepository(Model).findOneBy({ id });
  }

  exists(id: string): Promise<boolean> {
    return this.db.getRepository(Model).existsBy({ id });
  }

  findByNameVersion(name: string, version: string): Promise<Model | null> {
    return this.db.getRepository(Model).findOneBy({ name, version });
  }

  /** Models whose adapter names an apiKeyEnv anywhere (the legacy-secrets probe). */
  withApiKeyEnv(): Promise<Pick<Model, 'id' | 'adapter'>[]> {
    return this.db.query(
      `SELECT id, adapter FROM models WHERE jsonb_path_exists(adapter, '$.**.apiKeyEnv') ORDER BY id`,
    );
  }
}

/** The scenarios table. */
export class ScenariosStore {
  constructor(private readonly db: EntityManager) {}

  create(fields: Pick<Scenario, 'name' | 'kind' | 'config'>): Promise<Scenario> {
    return this.db.getRepository(Scenario).save(fields);
  }

  list(): Promise<Scenario[]> {
    return this.db.getRepository(Scenario).find({ order: { createdAt: 'DESC' }, take: 500 });
  }

  find(id: string): Promise<Scenario | null> {
    return this.db.getRepository(Scenario).findOneBy({ id });
  }

  exists(id: string): Promise<boolean> {
    return this.db.getRepository(Scenario).existsBy({ id });
  }

  findByName(name: string): Promise<Scenario | null> {
    return this.db.getRepository(Scenario).findOneBy({ name });
  }

  /** The kind and config of a run's scenario (null: no such run, or a run without one). */
  async ofRun(runId: string): Promise<Pick<Scenario, 'kind' | 'config'> | null> {
    const rows: Pick<Scenario, 'kind' | 'config'>[] = await this.db.query(
      'SELECT s.kind, s.config FROM runs r JOIN scenarios s ON s.id = r.scenario_id WHERE r.id = $1',
      [runId],
    );
    return rows[0] ?? null;
  }
}

/** The api_keys table: keys stored as hashes, revoked by date. */
export class KeysStore {
  constructor(private readonly db: EntityManager) {}

  create(
    fields: Pick<ApiKey, 'name' | 'prefix' | 'hash' | 'role' | 'tenantId'> &
      Partial<Pick<ApiKey, 'programId'>>,
  ): Promise<ApiKey> {
    return this.db.getRepository(ApiKey).save(fields);
  }

  findByHash(hash: string): Promise<ApiKey | null> {
    return this.db.getRepository(ApiKey).findOneBy({ hash });
  }

  findActiveByHash(hash: string): Promise<ApiKey | null> {
    return this.db.getRepository(ApiKey).findOneBy({ hash, revokedAt: IsNull() });
  }

  /** Every key without its hash. */
  list(): Promise<Omit<ApiKey, 'hash'>[]> {
    return this.db.getRepository(ApiKey).find({
      select: {
        id: true,
        name: true,
        prefix: true,
        role: true,
        tenantId: true,
        programId: true,
        createdAt: true,
        revokedAt: true,
      },
      order: { createdAt: 'ASC' },
    });
  }

  /** Revokes an active key; false when there is none with that id. */
  async revoke(id: string): Promise<boolean> {
    const result = await this.db
      .getRepository(ApiKey)
      .update({ id, revokedAt: IsNull() }, { revokedAt: new Date() });
    return (result.affected ?? 0) > 0;
  }

  /** The id of the key stored for the operator's LASTMILE_ADMIN_KEY. */
  async adminKeyIds(): Promise<string[]> {
    const rows = await this.db
      .getRepository(ApiKey)
      .find({ where: { role: 'admin' as Role, revokedAt: IsNull() }, select: { id: true } });
    return rows.map((row) => row.id);
  }
}

/** Who did what: one row per write, in the writer's transaction. */
export interface AuditActor {
  keyId: string;
  role: string;
}

/** The audit_log table. */
export class AuditStore {
  constructor(private readonly db: EntityManager) {}

  async record(
    actor: AuditActor,
    action: string,
    entity: string,
    entityId: string | null,
    detail: Record<string, unknown> = {},
  ): Promise<void> {
    await this.db.getRepository(AuditEntry).insert({
      actorKeyId: actor.keyId,
      actorRole: actor.role,
      action,
      entity,
      entityId,
      detail: detail as never,
    });
  }
}
