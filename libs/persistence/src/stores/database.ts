import type { DataSource, EntityManager } from 'typeorm';
import type { SecretCipher } from '../secrets/secret-cipher';
import { SecretsStore } from '../secrets/secrets.store';
import { AlertsStore } from './alerts.store';
import { BaselinesStore } from './baselines.store';
import { BountiesStore } from './bounties.store';
import { CardsStore } from './cards.store';
import { AuditStore, KeysStore, ModelsStore, ScenariosStore, TenantsStore } from './catalog.store';
import { ConsoleSessionsStore } from './console-sessions.store';
import { MetricsStore } from './metrics.store';
import { PlansStore } from './plans.store';
import { ResultsStore } from './results.store';
import { ReviewsStore } from './reviews.store';
import { RunsStore } from './runs.store';
import { SlicesStore } from './slices.store';

/** One store per lifecycle, all on one connection or transaction. */
export class Stores {
  readonly runs: RunsStore;
  readonly results: ResultsStore;
  readonly metrics: MetricsStore;
  readonly alerts: AlertsStore;
  readonly baselines: BaselinesStore;
  readonly slices: SlicesStore;
  readonly plans: PlansStore;
  readonly models: ModelsStore;
  readonly scenarios: ScenariosStore;
  readonly tenants: TenantsStore;
  readonly keys: KeysStore;
  readonly audit: AuditStore;
  readonly secrets: SecretsStore;
  readonly cards: CardsStore;
  readonly bounties: BountiesStore;
  readonly consoleSessions: ConsoleSessionsStore;
  readonly reviews: ReviewsStore;

  constructor(
    private readonly manager: EntityManager,
    cipher: SecretCipher | null,
  ) {
    this.runs = new RunsStore(manager);
    this.results = new ResultsStore(manager);
    this.metrics = new MetricsStore(manager);
    this.alerts = new AlertsStore(manager);
    this.baselines = new BaselinesStore(manager);
    this.slices = new SlicesStore(manager);
    this.plans = new PlansStore(manager);
    this.models = new ModelsStore(manager);
    this.scenarios = new ScenariosStore(manager);
    this.tenants = new TenantsStore(manager);
    this.keys = new KeysStore(manager);
    this.audit = new AuditStore(manager);
    this.secrets = new SecretsStore(manager, cipher);
    this.cards = new CardsStore(manager);
    this.bounties = new BountiesStore(manager);
    this.consoleSessions = new ConsoleSessionsStore(manager);
    this.reviews = new ReviewsStore(manager);
  }

  /**
   * A transaction-scoped advisory lock, without waiting: true when this transaction holds it
   * (housekeeping that must run on one replica at a time).
   */
  async tryLock(name: string): Promise<boolean> {
    const [{ locked }]: { locked: boolean }[] = await this.manager.query(
      'SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked',
      [name],
    );
    return locked;
  }

  /** A round trip to the database (health checks). */
  async ping(): Promise<void> {
    await this.manager.query('SELECT 1');
  }
}

/**
 * The application's way into PostgreSQL: stores on the pool for single statements, and
 * `transaction` for work that must commit or roll back together. Only libs/persistence holds a
 * DataSource or writes SQL; services and processors call the stores.
 */
export class Database {
  readonly stores: Stores;

  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: SecretCipher | null = null,
  ) {
    this.stores = new Stores(dataSource.manager, cipher);
  }

  transaction<T>(work: (stores: Stores) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(new Stores(manager, this.cipher)));
  }

  /** Whether the secrets key is configured (secret writes need it). */
  get secretsAvailable(): boolean {
    return this.cipher !== null;
  }
}
