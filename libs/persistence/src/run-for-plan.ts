import type { EntityManager } from 'typeorm';
import { Plan } from './entities/plan.entity';
import { Run } from './entities/run.entity';

/** The queued run record for a plan; API (manual) and runner (schedule) create runs the same way. */
export function createRunForPlan(
  manager: EntityManager,
  plan: Plan,
  trigger: Run['trigger'],
): Promise<Run> {
  return manager.getRepository(Run).save({
    planId: plan.id,
    modelId: plan.modelId,
    scenarioId: plan.scenarioId,
    tenantId: plan.tenantId,
    status: 'queued',
    trigger,
  });
}
