import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { LRUCache } from 'lru-cache';
import { Database } from '@lastmile/persistence';
import { getScenarioKind, type MetricDefinition } from '@lastmile/scenarios';

/** A metric definition with the unit its values are in (absent: a rate, shown as a percent). */
export type ConsoleMetric = MetricDefinition & { unit?: string };

/**
 * Names and metric definitions the console shows beside what a service returned. Only ever asked
 * about things the caller was already allowed to see through an API service (the alert, run or
 * plan that names them); scenarios and models are readable by every role in the API too.
 */
@Injectable()
export class ConsoleLookups {
  private readonly definitions = new LRUCache<string, Map<string, ConsoleMetric>>({ max: 500 });

  private routes: Set<string> | null = null;

  constructor(
    private readonly database: Database,
    private readonly adapter: HttpAdapterHost,
  ) {}

  /**
   * Whether this API serves a route (e.g. 'GET', '/v1/models/:id/card'), read from the Express
   * router once: pages link to optional features only when they are there.
   */
  serves(method: string, path: string): boolean {
    if (!this.routes) {
      const express = this.adapter.httpAdapter?.getInstance();
      const router = express?.router ?? express?._router;
      const stack = (router?.stack ?? []) as {
        route?: { path: string | string[]; methods: Record<string, boolean> };
      }[];
      this.routes = new Set(
        stack.flatMap(({ route }) =>
          route
            ? (Array.isArray(route.path) ? route.path : [route.path]).flatMap((p) =>
                Object.keys(route.methods).map((m) => `${m.toUpperCase()} ${p}`),
              )
            : [],
        ),
      );
    }
    return this.routes.has(`${method} ${path}`);
  }

  /** A scenario's metrics by name (cached: a scenario's kind and config never change). */
  async metrics(scenarioId: string | null | undefined): Promise<Map<string, ConsoleMetric>> {
    if (!scenarioId) return new Map();
    const cached = this.definitions.get(scenarioId);
    if (cached) return cached;
    const scenario = await this.database.stores.scenarios.find(scenarioId);
    let result = new Map<string, ConsoleMetric>();
    if (scenario) {
      try {
        const kind = getScenarioKind(scenario.kind);
        const list = kind.metrics(kind.configSchema.parse(scenario.config)) as ConsoleMetric[];
        result = new Map(list.map((m) => [m.name, m]));
      } catch {
        // an unknown kind or an old config: values are shown without definitions
      }
    }
    this.definitions.set(scenarioId, result);
    return result;
  }

  async scenario(scenarioId: string | null | undefined) {
    return scenarioId ? this.database.stores.scenarios.find(scenarioId) : null;
  }

  /** "name vN" of each slice id. */
  async sliceNames(ids: readonly (string | null | undefined)[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
    const slices = await this.database.stores.slices.byIds(wanted);
    return new Map(slices.map((s) => [s.id, `${s.name} v${s.version}`]));
  }

  async slice(id: string | null | undefined) {
    return id ? ((await this.database.stores.slices.byIds([id]))[0] ?? null) : null;
  }

  /** "name@version" of each model id. */
  async modelNames(ids: readonly (string | null | undefined)[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
    const found = await Promise.all(wanted.map((id) => this.database.stores.models.find(id)));
    return new Map(
      found.flatMap((m) => (m ? [[m.id, `${m.name}@${m.version}`] as [string, string]] : [])),
    );
  }

  async tenantName(tenantId: string | null): Promise<string | null> {
    if (!tenantId) return null;
    return (await this.database.stores.tenants.find(tenantId))?.name ?? null;
  }
}

/** The unit of a metric's values (see formatMetricValue). */
export const unitOf = (definition: ConsoleMetric | undefined) => definition?.unit;
