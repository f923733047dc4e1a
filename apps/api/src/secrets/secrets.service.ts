import { Inject, Injectable } from '@nestjs/common';
import type { ServerPolicy } from '@lastmile/adapters';
import {
  Database,
  NO_SECRETS_KEY,
  type SecretListing,
  type SecretOwner,
} from '@lastmile/persistence';
import { AuditService } from '../common/audit.service';
import { invalid, notFound, ProblemException } from '../common/problem.exception';
import type { Principal } from '../auth/principal';
import { SERVER_POLICY } from '../security/server-policy.provider';
import { TenantsService } from '../tenants/tenants.service';
import { NOT_A_URL, secretUrlRefusal } from './secret-url';

/** Tenant (and operator) secrets: write-only, audited by name, never echoed. */
@Injectable()
export class SecretsService {
  constructor(
    private readonly database: Database,
    private readonly tenants: TenantsService,
    private readonly audit: AuditService,
    @Inject(SERVER_POLICY) private readonly policy: ServerPolicy,
  ) {}

  async put(
    principal: Principal,
    tenantRef: string | null,
    name: string,
    value: string,
  ): Promise<SecretListing & { created: boolean }> {
    const owner = await this.owner(principal, tenantRef);
    if (!this.database.secretsAvailable)
      throw new ProblemException(503, 'Service Unavailable', NO_SECRETS_KEY);
    // A URL kept as a secret is a destination (a Slack webhook): held to its owner's URL policy
    // now, as a channel URL would be, and again whenever a channel names it and at delivery.
    const refusal = await secretUrlRefusal(this.policy, owner, value);
    if (refusal !== null && refusal !== NOT_A_URL)
      throw invalid(`the secret's URL may not be reached: ${refusal}`, [
        { field: 'value', reason: refusal },
      ]);
    return this.database.transaction(async (stores) => {
      const { id, ...stored } = await stores.secrets.put(owner, name, value);
      // The audit names the secret, never its value.
      await this.audit.record(
        principal,
        stored.created ? 'create' : 'rotate',
        'secret',
        id,
        { tenantId: owner, name },
        stores,
      );
      return stored;
    });
  }

  async list(principal: Principal, tenantRef: string | null): Promise<SecretListing[]> {
    return this.database.stores.secrets.list(await this.owner(principal, tenantRef));
  }

  async remove(principal: Principal, tenantRef: string | null, name: string): Promise<void> {
    const owner = await this.owner(principal, tenantRef);
    await this.database.transaction(async (stores) => {
      const id = await stores.secrets.remove(owner, name);
      if (!id) throw notFound('secret', name);
      await this.audit.record(principal, 'delete', 'secret', id, { tenantId: owner, name }, stores);
    });
  }

  private async owner(principal: Principal, tenantRef: string | null): Promise<SecretOwner> {
    return tenantRef === null ? null : (await this.tenants.findFor(principal, tenantRef)).id;
  }
}
