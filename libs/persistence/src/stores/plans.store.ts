import { IsNull, type EntityManager } from 'typeorm';
import { Plan, type BaselinePolicy, type WatchedSubgroup } from '../entities/plan.entity';

/** Whether a plan's cron should be a live job scheduler: the one rule, for the API and the sync. */
export function isScheduled(plan: Pick<Plan, 'cron' | 'enabled' | 'deletedAt'>): boolean {
  return plan.cron !== null && plan.cron !== '' && plan.enabled && plan.deletedAt === null;
}

/** The plans table: definitions (soft-deleted, so past runs keep their plan). */
export class PlansStore {
  constructor(private readonly db: EntityManager) {}

  save(plan: Partial<Plan>): Promise<Plan> {
    return this.db.getRepository(Plan).save(plan);
  }

  /** Any plan by id, deleted ones included (the runner finishing a run of a deleted plan). */
  find(id: string): Promise<Plan | null> {
    return this.db.getRepository(Plan).findOneBy({ id });
  }

  /** A live plan as a caller may see it: null when absent, deleted or another tenant's. */
  findVisible(id: string, tenantId: string | null): Promise<Plan | null> {
    return this.db
      .getRepository(Plan)
      .findOneBy({ id, deletedAt: IsNull(), ...(tenantId ? { tenantId } : {}) });
  }

  /** The CLI's own plan for a config file, model and scenario. */
  findByIdentity(name: string, modelId: string, scenarioId: string): Promise<Plan | null> {
    return this.db.getRepository(Plan).findOneBy({ name, modelId, scenarioId });
  }

  list(tenantId: string | null): Promise<Plan[]> {
    return this.db.getRepository(Plan).find({
      where: { deletedAt: IsNull(), ...(tenantId ? { tenantId } : {}) },
      order: { createdAt: 'DESC' },
      take: 500,
    });
  }

  /** Every plan whose schedule should be live. */
  async scheduled(): Promise<Plan[]> {
    return (await this.db.getRepository(Plan).find()).filter(isScheduled);
  }

  async setBaselinePolicy(id: string, baselinePolicy: BaselinePolicy): Promise<void> {
    await this.db.getRepository(Plan).update({ id }, { baselinePolicy });
  }

  /**
   * Adds a watched subgroup (an accepted bounty finding) to every live plan of a model but
   * `exceptPlanId` (the program's own) that does not watch that label yet; answers their ids.
   */
  async addWatchedSubgroup(
    modelId: string,
    watch: WatchedSubgroup,
    exceptPlanId: string,
  ): Promise<string[]> {
    const [rows]: [{ id: string }[], number] = await this.db.query(
      `UPDATE plans SET watched_subgroups = watched_subgroups || jsonb_build_array($2::jsonb), updated_at = now()
        WHERE model_id = $1 AND deleted_at IS NULL AND id <> $3
          AND NOT watched_subgroups @> jsonb_build_array(jsonb_build_object('label', $4::text))
       RETURNING id`,
      [modelId, JSON.stringify(watch), exceptPlanId, watch.label],
    );
    return rows.map((row) => row.id).sort();
  }

  /** Ids of live plans whose channels match a SQL/JSON path (the legacy-secrets probe). */
  async withChannelsMatching(jsonPath: string): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM plans WHERE deleted_at IS NULL AND jsonb_path_exists(channels, $1::jsonpath) ORDER BY id`,
      [jsonPath],
    );
    return rows.map((row) => row.id);
  }
}
