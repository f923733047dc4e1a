import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Tenant } from '@lastmile/persistence';
import { AuditService } from '../common/audit.service';
import { isUniqueViolation } from '../common/postgres-errors';
import { conflict, notFound } from '../common/problem.exception';
import type { Principal } from '../auth/principal';
import type { CreateTenantBody } from './tenant.dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class TenantsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(principal: Principal, body: CreateTenantBody): Promise<Tenant> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const tenant = await manager.getRepository(Tenant).save(body);
        await this.audit.record(
          principal,
          'create',
          'tenant',
          tenant.id,
          { slug: tenant.slug },
          manager,
        );
        return tenant;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(`tenant ${body.slug} already exists`);
      throw error;
    }
  }

  list(): Promise<Tenant[]> {
    return this.dataSource.getRepository(Tenant).find({ order: { createdAt: 'ASC' } });
  }

  /** Finds a tenant by id or slug: paths such as /v1/tenants/st-elsewhere/slices read better. */
  async find(idOrSlug: string): Promise<Tenant> {
    const repository = this.dataSource.getRepository(Tenant);
    const tenant = UUID.test(idOrSlug)
      ? await repository.findOneBy({ id: idOrSlug.toLowerCase() })
      : await repository.findOneBy({ slug: idOrSlug });
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
