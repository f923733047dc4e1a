/**
 * Every tag an operation may use, with the description clients and /docs show. A controller's
 * @ApiTags names one of these; a new feature adds its tag here (the OpenAPI spec fails on an
 * operation whose tag has no description).
 */
export const API_TAGS: { name: string; description: string }[] = [
  {
    name: 'health',
    description: 'Liveness and readiness: the process, the database and the queue. No key needed.',
  },
  {
    name: 'observability',
    description: 'Prometheus metrics in the text exposition format, for scrapers. No key needed.',
  },
  { name: 'tenants', description: 'Customer organisations. Admin keys only.' },
  {
    name: 'keys',
    description:
      'API keys: issue one (the only time its value is shown), list them by prefix, revoke. Admin keys only.',
  },
  {
    name: 'models',
    description:
      "Models under evaluation and the adapter that calls each one. Customer keys see a model's name, version and modality, never its adapter. Each model's service card: generated from stored results (JSON, Markdown or HTML), its versions, and its hand-written intended use.",
  },
  {
    name: 'scenarios',
    description:
      'What a run measures: a registered scenario kind (qa, asr, toxicity, …) with its configuration.',
  },
  {
    name: 'plans',
    description:
      'What runs, when and against what: a model, a scenario, slices, a schedule, the baseline and alert policies and the notification channels. Queue a run now.',
  },
  {
    name: 'runs',
    description:
      'Evaluation runs: status and progress, metrics per slice and subgroup with intervals, the HTML report, cancellation.',
  },
  {
    name: 'baselines',
    description:
      "What a plan's runs are compared with: the baselines per slice, subgroup and metric, and pinning a run as the baseline.",
  },
  {
    name: 'slices',
    description:
      "A tenant's test sets: upload JSONL, CSV or an audio archive (same content, same version), list versions, page through items.",
  },
  {
    name: 'alerts',
    description:
      'Drift, fairness-gap, CUSUM and health alerts: list (newest activity first, cursor-paginated), inspect with history and notifications, acknowledge, resolve.',
  },
  {
    name: 'secrets',
    description:
      "Write-only secrets named by notification channels (webhook signing secrets, Slack URLs, PagerDuty routing keys): a tenant's or the operator's. Values are never returned.",
  },
  {
    name: 'reviews',
    description:
      "People in the loop: the review queue of answers scored by a model judge (reviewer keys, scoped to their tenant), people's labels, and agreement among people and between the judge and people.",
  },
  {
    name: 'bounties',
    description:
      'Bias bounties: programs on a sealed evaluation pool, researchers’ subset submissions tested under online FDR control (LORD++), and the leaderboard of accepted findings. Researcher keys reach only their own program.',
  },
];
