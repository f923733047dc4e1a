import type { Role } from '@lastmile/persistence';

/** Who is calling: resolved from the bearer key by the auth guard. */
export interface Principal {
  keyId: string;
  role: Role;
  /** Set for customer keys: the only tenant they may see. */
  tenantId: string | null;
  /** Set for researcher keys: the one bias-bounty program they may reach. */
  programId?: string | null;
}

/** Tenant filter for queries: a customer sees its tenant only; other roles see all. */
export function tenantScope(principal: Principal): string | null {
  return principal.role === 'customer' ? principal.tenantId : null;
}
