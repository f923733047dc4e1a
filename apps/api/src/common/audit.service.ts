import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditEntry } from '@lastmile/persistence';
import type { Principal } from '../auth/principal';

/** Every write is recorded: who, what, when. Pass the transaction's manager to log atomically. */
@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  async record(
    principal: Principal,
    action: string,
    entity: string,
    entityId: string | null,
    detail: Record<string, unknown> = {},
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.getRepository(AuditEntry).insert({
      actorKeyId: principal.keyId,
      actorRole: principal.role,
      action,
      entity,
      entityId,
      detail: detail as never,
    });
  }
}
