import { Injectable } from '@nestjs/common';
import { Database, type Tenant } from '@lastmile/persistence';
import { AuditService } from '../common/audit.service';
import { isUniqueViolation } from '../common/postgres-errors';
import { conflict, notFound } from '../common/problem.exception';
import type { Principal } from '../auth/principal';
import type { CreateTenantBody } from './tenant.dto';

@Injectable()
export class TenantsService {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
  ) {}

  async create(principal: Principal, body: CreateTenantBody): Promise<Tenant> {
    try {
      return await this.database.transaction(async (stores) => {
        const tenant = await stores.tenants.create(body);
        await this.audit.record(
          principal,
          'create',
          'tenant',
          tenant.id,
          { slug: tenant.slug },
          stores,
        );
        return tenant;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(`tenant ${body.slug} already exists`);
      throw error;
    }
  }

  list(): Promise<Tenant[]> {
    return this.database.stores.tenants.list();
  }

  /** Finds a tenant by id or slug: paths such as /v1/tenants/st-elsewhere/slices read better. */
  async find(idOrSlug: string): Promise<Tenant> {
    const tenant = await this.database.stores.tenants.find(idOrSlug);
    if (!tenant) throw notFound('tenant', idOrSlug);
    return tenant;
  }

  /** A customer key works on its own tenant only; others are told it does not exist. */
  async findFor(principal: Principal, idOrSlug: string): Promise<Tenant> {
    const tenant = await this.find(idOrSlug);
    if (principal.role === 'customer' && principal.tenantId !== tenant.id)
      throw notFound('tenant', idOrSlug);
    return tenant;
  }
}
