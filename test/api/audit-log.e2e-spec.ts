import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Response } from 'supertest';
import { modelBody, planBody, scenarioBody, tenantBody } from '../factories/api-bodies';
import { bountyBody, uploadPoolSource } from '../factories/bounty-pool';
import {
  createKey,
  createPlan,
  createPlanReferences,
  createTenant,
  expectStatus,
  queueRun,
  type KeyView,
  type TenantView,
} from '../factories/api-resources';
import { bearer, startTestApp, TEST_ADMIN_KEY, type TestApp } from '../support/test-app';
import { listRoutes, routeKey } from './support/app-routes';
import { adminKeyId, auditEntriesSince, lastAuditId } from './support/database-probes';
import { signIn, signInForm, type ConsoleClient } from '../console/support/console-session';

interface Actor {
  id: string;
  key: string;
  role: string;
}

interface AuditedWrite {
  actor: () => Actor;
  /** Creates what the write acts on (its own audit entries come before the write's). */
  prepare?: () => Promise<string>;
  /** Sends the write; answers the response and the id of the entity it wrote. */
  perform: (prepared: string) => Promise<{ response: Response; entityId: string }>;
  action: string;
  entity: string;
}

describe('audit log', () => {
  let t: TestApp;
  let admin: Actor;
  let ml: Actor;
  let customer: Actor;
  let reviewer: Actor;
  let tenant: TenantView;
  let refs: { modelId: string; scenarioId: string };
  let bounty: { refs: typeof refs & { sliceId: string }; programId: string };
  let researcher: Actor;

  const actor = (key: KeyView): Actor => ({ id: key.id, key: key.key, role: key.role });

  before(async () => {
    t = await startTestApp();
    admin = { id: await adminKeyId(t.dataSource), key: TEST_ADMIN_KEY, role: 'admin' };
    tenant = await createTenant(t);
    ml = actor(await createKey(t, 'ml'));
    customer = actor(await createKey(t, 'customer', tenant.slug));
    reviewer = actor(await createKey(t, 'reviewer', tenant.slug));
    refs = await createPlanReferences(t);
    bounty = { refs: { ...refs, sliceId: await uploadPoolSource(t, tenant.slug) }, programId: '' };
    bounty.programId = await openBounty();
    const key = await expectStatus<KeyView>(
      t.http
        .post('/v1/keys')
        .set(as(admin))
        .send({ role: 'researcher', program: bounty.programId }),
      201,
    );
    researcher = actor(key);
  });
  after(async () => t.close());

  const as = (who: Actor) => bearer(who.key);
  const planOf = async (who: Actor) =>
    (await createPlan(t, refs, who.role === 'customer' ? {} : { tenant: tenant.slug }, who.key)).id;

  const openBounty = async () =>
    (
      await expectStatus<{ id: string }>(
        t.http.post('/v1/bounties').set(as(admin)).send(bountyBody(bounty.refs)),
        201,
      )
    ).id;

  const finishedRuns = new Map<string, string>();

  /** A run that finished, as the runner leaves it: the only kind that can be pinned as a baseline. */
  const finishedRunOf = async (planId: string) => {
    const run = await queueRun(t, planId);
    await t.dataSource.query(
      `UPDATE runs SET status = 'succeeded', finished_at = now(), provenance = $2 WHERE id = $1`,
      [
        run.id,
        {
          modelSpecHash: 'h',
          sliceHashes: {},
          scenarioKind: 'qa',
          scenarioVersion: '1',
          harnessVersion: 't',
          seed: 0,
        },
      ],
    );
    return run.id;
  };

  /** An open alert on a plan of the tenant, inserted as the monitor would. */
  const openAlert = async () => {
    const planId = await planOf(ml);
    const rows: { id: string }[] = await t.dataSource.query(
      `INSERT INTO alerts (dedup_key, type, status, severity, plan_id, model_id, tenant_id, subgroup, metric, title, evidence)
       VALUES ($1, 'drift', 'open', 'warning', $2, $3, $4, 'all', 'exact_match', 'audit alert', '{}') RETURNING id`,
      [`audit:${planId}`, planId, refs.modelId, tenant.id],
    );
    return rows[0].id;
  };

  /** A review task on a run of the tenant, inserted as the sampler would. */
  const reviewTask = async () => {
    const run = await queueRun(t, await planOf(ml));
    const rows: { id: string }[] = await t.dataSource.query(
      `INSERT INTO review_tasks (run_id, scenario_id, tenant_id, slice_id, item_key, stratum, judge_id, judge, judge_label)
       VALUES ($1, $2, $3, gen_random_uuid(), 'q1', 'all', 'judge:audit', $4, 'pass') RETURNING id`,
      [
        run.id,
        refs.scenarioId,
        tenant.id,
        JSON.stringify({ mode: 'single', scale: { min: 1, max: 5 }, passScore: 4, rubric: 'r' }),
      ],
    );
    return rows[0].id;
  };

  const secretId = async (tenantId: string | null, name: string): Promise<string> =>
    (
      await t.dataSource.query(
        'SELECT id FROM secrets WHERE name = $1 AND tenant_id IS NOT DISTINCT FROM $2',
        [name, tenantId],
      )
    )[0]?.id;

  /** "<name> <id>" of a secret stored (by the admin) under the collection path. */
  const storedSecret = async (collection: string, tenantId: string | null) => {
    const name = `doomed-${Date.now()}`;
    await t.http.put(`${collection}/${name}`).set(as(admin)).send({ value: 'x' }).expect(201);
    return `${name} ${await secretId(tenantId, name)}`;
  };

  /** Each actor's console session, signed in before a write is measured (signing in is audited). */
  const consoles = new Map<string, ConsoleClient>();
  const consoleOf = async (who: Actor) => {
    if (!consoles.has(who.id)) consoles.set(who.id, await signIn(t, who.key));
    return consoles.get(who.id)!;
  };

  /** One line per write route: who sends it, and the entry it must leave. */
  const writes: Record<string, AuditedWrite> = {
    'POST /v1/tenants': {
      actor: () => admin,
      action: 'create',
      entity: 'tenant',
      perform: async () => {
        const response = await t.http.post('/v1/tenants').set(as(admin)).send(tenantBody());
        return { response, entityId: response.body.id };
      },
    },
    'POST /v1/keys': {
      actor: () => admin,
      action: 'create',
      entity: 'api_key',
      perform: async () => {
        const response = await t.http.post('/v1/keys').set(as(admin)).send({ role: 'oncall' });
        return { response, entityId: response.body.id };
      },
    },
    'DELETE /v1/keys/:id': {
      actor: () => admin,
      action: 'revoke',
      entity: 'api_key',
      prepare: async () => (await createKey(t, 'oncall')).id,
      perform: async (id) => {
        return { response: await t.http.delete(`/v1/keys/${id}`).set(as(admin)), entityId: id };
      },
    },
    'POST /v1/models': {
      actor: () => ml,
      action: 'create',
      entity: 'model',
      perform: async () => {
        const response = await t.http.post('/v1/models').set(as(ml)).send(modelBody());
        return { response, entityId: response.body.id };
      },
    },
    'POST /v1/scenarios': {
      actor: () => ml,
      action: 'create',
      entity: 'scenario',
      perform: async () => {
        const response = await t.http.post('/v1/scenarios').set(as(ml)).send(scenarioBody());
        return { response, entityId: response.body.id };
      },
    },
    'POST /v1/plans': {
      actor: () => customer,
      action: 'create',
      entity: 'plan',
      perform: async () => {
        const body = planBody(refs.modelId, refs.scenarioId);
        const response = await t.http.post('/v1/plans').set(as(customer)).send(body);
        return { response, entityId: response.body.id };
      },
    },
    'PATCH /v1/plans/:id': {
      actor: () => customer,
      action: 'update',
      entity: 'plan',
      prepare: () => planOf(customer),
      perform: async (id) => {
        const response = await t.http.patch(`/v1/plans/${id}`).set(as(customer)).send({ seed: 9 });
        return { response, entityId: id };
      },
    },
    'DELETE /v1/plans/:id': {
      actor: () => ml,
      action: 'delete',
      entity: 'plan',
      prepare: () => planOf(ml),
      perform: async (id) => {
        return { response: await t.http.delete(`/v1/plans/${id}`).set(as(ml)), entityId: id };
      },
    },
    'POST /v1/plans/:id/runs': {
      actor: () => customer,
      action: 'queue',
      entity: 'run',
      prepare: () => planOf(customer),
      perform: async (id) => {
        const response = await t.http.post(`/v1/plans/${id}/runs`).set(as(customer));
        return { response, entityId: response.body.id };
      },
    },
    'POST /v1/plans/:id/baseline': {
      actor: () => ml,
      action: 'pin-baseline',
      entity: 'plan',
      prepare: async () => {
        const planId = await planOf(ml);
        finishedRuns.set(planId, await finishedRunOf(planId));
        return planId;
      },
      perform: async (id) => {
        const runId = finishedRuns.get(id);
        const response = await t.http.post(`/v1/plans/${id}/baseline`).set(as(ml)).send({ runId });
        return { response, entityId: id };
      },
    },
    'POST /v1/alerts/:id/ack': {
      actor: () => ml,
      action: 'acknowledge',
      entity: 'alert',
      prepare: openAlert,
      perform: async (id) => {
        return {
          response: await t.http.post(`/v1/alerts/${id}/ack`).set(as(ml)).send({ note: 'looking' }),
          entityId: id,
        };
      },
    },
    'POST /v1/alerts/:id/resolve': {
      actor: () => admin,
      action: 'resolve',
      entity: 'alert',
      prepare: openAlert,
      perform: async (id) => {
        return {
          response: await t.http
            .post(`/v1/alerts/${id}/resolve`)
            .set(as(admin))
            .send({ note: 'fixed' }),
          entityId: id,
        };
      },
    },
    'POST /v1/runs/:id/cancel': {
      actor: () => ml,
      action: 'cancel',
      entity: 'run',
      prepare: async () => (await queueRun(t, await planOf(ml))).id,
      perform: async (id) => {
        return { response: await t.http.post(`/v1/runs/${id}/cancel`).set(as(ml)), entityId: id };
      },
    },
    'PUT /v1/tenants/:tenant/secrets/:name': {
      actor: () => customer,
      action: 'create',
      entity: 'secret',
      perform: async () => {
        const response = await t.http
          .put(`/v1/tenants/${tenant.slug}/secrets/audit-${Date.now()}`)
          .set(as(customer))
          .send({ value: 'audit-secret' });
        return { response, entityId: await secretId(tenant.id, response.body.name) };
      },
    },
    'DELETE /v1/tenants/:tenant/secrets/:name': {
      actor: () => admin,
      action: 'delete',
      entity: 'secret',
      prepare: () => storedSecret(`/v1/tenants/${tenant.slug}/secrets`, tenant.id),
      perform: async (prepared) => {
        const [name, id] = prepared.split(' ');
        const response = await t.http
          .delete(`/v1/tenants/${tenant.slug}/secrets/${name}`)
          .set(as(admin));
        return { response, entityId: id };
      },
    },
    'PUT /v1/secrets/:name': {
      actor: () => ml,
      action: 'create',
      entity: 'secret',
      perform: async () => {
        const response = await t.http
          .put(`/v1/secrets/audit-${Date.now()}`)
          .set(as(ml))
          .send({ value: 'audit-secret' });
        return { response, entityId: await secretId(null, response.body.name) };
      },
    },
    'DELETE /v1/secrets/:name': {
      actor: () => ml,
      action: 'delete',
      entity: 'secret',
      prepare: () => storedSecret('/v1/secrets', null),
      perform: async (prepared) => {
        const [name, id] = prepared.split(' ');
        const response = await t.http.delete(`/v1/secrets/${name}`).set(as(ml));
        return { response, entityId: id };
      },
    },
    'POST /v1/reviews/:id': {
      actor: () => reviewer,
      action: 'create',
      entity: 'review_label',
      prepare: reviewTask,
      perform: async (id) => {
        const response = await t.http
          .post(`/v1/reviews/${id}`)
          .set(as(reviewer))
          .send({ score: 4 });
        return { response, entityId: id };
      },
    },
    'PATCH /v1/models/:id': {
      actor: () => ml,
      action: 'update',
      entity: 'model',
      perform: async () => {
        const response = await t.http
          .patch(`/v1/models/${refs.modelId}`)
          .set(as(ml))
          .send({ card: { intendedUse: 'audited' } });
        return { response, entityId: refs.modelId };
      },
    },
    'POST /v1/bounties': {
      actor: () => ml,
      action: 'create',
      entity: 'bounty_program',
      perform: async () => {
        const response = await t.http
          .post('/v1/bounties')
          .set(as(ml))
          .send(bountyBody(bounty.refs));
        return { response, entityId: response.body.id };
      },
    },
    'POST /v1/bounties/:id/close': {
      actor: () => admin,
      action: 'close',
      entity: 'bounty_program',
      prepare: openBounty,
      perform: async (id) => {
        return {
          response: await t.http.post(`/v1/bounties/${id}/close`).set(as(admin)),
          entityId: id,
        };
      },
    },
    'POST /v1/bounties/:id/submissions': {
      actor: () => researcher,
      action: 'submit',
      entity: 'bounty_submission',
      perform: async () => {
        const response = await t.http
          .post(`/v1/bounties/${bounty.programId}/submissions`)
          .set(as(researcher))
          .send({ predicate: 'accent = en-gb' });
        return { response, entityId: response.body.id };
      },
    },
    'POST /v1/tenants/:tenant/slices': {
      actor: () => customer,
      action: 'upload',
      entity: 'slice',
      perform: async () => {
        const row = JSON.stringify({ id: 'q1', input: 'What is 2 + 2?', references: ['4'] });
        const response = await t.http
          .post(`/v1/tenants/${tenant.slug}/slices`)
          .set(as(customer))
          .field('name', 'audited')
          .attach('file', Buffer.from(`${row}\n`), 'rows.jsonl');
        return { response, entityId: response.body.id };
      },
    },
    // The console's forms go through the same services: the same entries, by the session's key.
    'POST /console/sign-in': {
      actor: () => ml,
      action: 'sign-in',
      entity: 'console_session',
      perform: async () => {
        const form = await signInForm(t);
        const response = await t.http
          .post('/console/sign-in')
          .set('Cookie', form.cookie)
          .type('form')
          .send({ _csrf: form.csrf, key: ml.key });
        return { response, entityId: null as unknown as string };
      },
    },
    'POST /console/sign-out': {
      actor: () => customer,
      action: 'sign-out',
      entity: 'console_session',
      prepare: async () => {
        const client = await signIn(t, customer.key);
        consoles.set('leaving', client);
        return '';
      },
      perform: async () => ({
        response: await consoles.get('leaving')!.post('/console/sign-out'),
        entityId: null as unknown as string,
      }),
    },
    'POST /console/alerts/:id/ack': {
      actor: () => ml,
      action: 'acknowledge',
      entity: 'alert',
      prepare: async () => (await consoleOf(ml), openAlert()),
      perform: async (id) => ({
        response: await (await consoleOf(ml)).post(`/console/alerts/${id}/ack`, { note: 'x' }),
        entityId: id,
      }),
    },
    'POST /console/alerts/:id/resolve': {
      actor: () => admin,
      action: 'resolve',
      entity: 'alert',
      prepare: async () => (await consoleOf(admin), openAlert()),
      perform: async (id) => ({
        response: await (await consoleOf(admin)).post(`/console/alerts/${id}/resolve`),
        entityId: id,
      }),
    },
    'POST /console/plans/:id/baseline': {
      actor: () => ml,
      action: 'pin-baseline',
      entity: 'plan',
      prepare: async () => {
        await consoleOf(ml);
        const planId = await planOf(ml);
        finishedRuns.set(planId, await finishedRunOf(planId));
        return planId;
      },
      perform: async (id) => ({
        response: await (
          await consoleOf(ml)
        ).post(`/console/plans/${id}/baseline`, { runId: finishedRuns.get(id)! }),
        entityId: id,
      }),
    },
    'POST /console/upload': {
      actor: () => customer,
      action: 'upload',
      entity: 'slice',
      prepare: async () => (await consoleOf(customer), ''),
      perform: async () => {
        const client = await consoleOf(customer);
        const row = JSON.stringify({ id: 'q1', input: 'What is 3 + 3?', references: ['6'] });
        const response = await t.http
          .post('/console/upload')
          .set('Cookie', client.cookie)
          .set('X-CSRF-Token', client.csrf)
          .field('name', 'audited-in-console')
          .attach('file', Buffer.from(`${row}\n`), 'rows.jsonl');
        return { response, entityId: String(response.headers.location).split('/').pop()! };
      },
    },
  };

  it('names a secret in its audit entry and never holds its value', async () => {
    const before = await lastAuditId(t.dataSource);
    const value = 'audit-secret-value-7f3a';
    await t.http
      .put(`/v1/tenants/${tenant.slug}/secrets/audited`)
      .set(as(customer))
      .send({ value })
      .expect(201);
    await t.http
      .put(`/v1/tenants/${tenant.slug}/secrets/audited`)
      .set(as(customer))
      .send({ value: `${value}-rotated` })
      .expect(200);
    const entries = await auditEntriesSince(t.dataSource, before);
    assert.deepEqual(
      entries.map((entry) => entry.action),
      ['create', 'rotate'],
    );
    assert.ok(!JSON.stringify(entries).includes(value));
  });

  it('has an audited write for every route that is not a GET', () => {
    const writeRoutes = listRoutes(t.app)
      .filter((route) => route.method !== 'GET')
      .map(routeKey);
    assert.deepEqual(
      writeRoutes.filter((key) => !(key in writes)),
      [],
      'write routes without an audit check',
    );
  });

  it('records each write once, with the actor key, its role, the action and the entity', async (context) => {
    for (const [route, write] of Object.entries(writes)) {
      await context.test(route, async () => {
        const prepared = (await write.prepare?.()) ?? '';
        const before = await lastAuditId(t.dataSource);
        const { response, entityId } = await write.perform(prepared);
        // A console form's success is a 303 to the page it changed.
        const ok = route.startsWith('POST /console')
          ? response.status === 303
          : response.status < 300;
        assert.ok(ok, `${route}: ${response.status} ${response.text}`);
        const entries = await auditEntriesSince(t.dataSource, before);
        assert.equal(entries.length, 1, JSON.stringify(entries));
        const [entry] = entries;
        const who = write.actor();
        assert.deepEqual(
          {
            entityId: entry.entityId,
            actorKeyId: entry.actorKeyId,
            actorRole: entry.actorRole,
            action: entry.action,
            entity: entry.entity,
          },
          {
            entityId,
            actorKeyId: who.id,
            actorRole: who.role,
            action: write.action,
            entity: write.entity,
          },
        );
      });
    }
  });

  it('records nothing for a refused write', async () => {
    const before = await lastAuditId(t.dataSource);
    await t.http.post('/v1/models').set(as(customer)).send(modelBody()).expect(403);
    await t.http
      .post('/v1/models')
      .set(as(ml))
      .send(modelBody({ modality: 'smell' }))
      .expect(400);
    await t.http.post('/v1/tenants').send(tenantBody()).expect(401);
    assert.deepEqual(await auditEntriesSince(t.dataSource, before), []);
  });
});
