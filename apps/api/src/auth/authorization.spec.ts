import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rateLimitSubject } from './principal-rate-limit.guard';
import { tenantScope, type Principal } from './principal';

const key = (role: Principal['role'], tenantId: string | null = null): Principal => ({
  keyId: `key-${role}`,
  role,
  tenantId,
});

describe('authorization decisions', () => {
  it('scopes customer keys to their tenant and no other role', () => {
    assert.equal(tenantScope(key('customer', 't1')), 't1');
    for (const role of ['admin', 'ml', 'oncall'] as const)
      assert.equal(tenantScope(key(role)), null);
  });

  it("charges a customer's requests to its tenant and every other key to itself", () => {
    assert.equal(rateLimitSubject(key('customer', 't1')), 'tenant:t1');
    assert.equal(
      rateLimitSubject({ keyId: 'k2', role: 'customer', tenantId: 't1' }),
      'tenant:t1',
      'two keys of one tenant share a budget',
    );
    assert.equal(rateLimitSubject(key('ml')), 'key:key-ml');
  });
});
