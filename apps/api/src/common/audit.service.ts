import { Injectable } from '@nestjs/common';
import { Database, type Stores } from '@lastmile/persistence';
import type { Principal } from '../auth/principal';

/** Every write is recorded: who, what, when. Pass the transaction's stores to log atomically. */
@Injectable()
export class AuditService {
  constructor(private readonly database: Database) {}

  record(
    principal: Principal,
    action: string,
    entity: string,
    entityId: string | null,
    detail: Record<string, unknown> = {},
    stores: Pick<Stores, 'audit'> = this.database.stores,
  ): Promise<void> {
    return stores.audit.record(
      { keyId: principal.keyId, role: principal.role },
      action,
      entity,
      entityId,
      detail,
    );
  }
}
