import type { ScenarioKind } from './scenario-kind';

const kinds = new Map<string, ScenarioKind<unknown>>();

/** A new kind is one file plus one call here (see kinds/index.ts). */
export function registerScenarioKind<C>(kind: ScenarioKind<C>): void {
  if (kinds.has(kind.kind)) throw new Error(`scenario kind ${kind.kind} is registered twice`);
  kinds.set(kind.kind, kind as ScenarioKind<unknown>);
}

export function findScenarioKind(name: string): ScenarioKind<unknown> | undefined {
  return kinds.get(name);
}

export function getScenarioKind(name: string): ScenarioKind<unknown> {
  const kind = kinds.get(name);
  if (!kind)
    throw new Error(`unknown scenario kind "${name}" (known: ${scenarioKindNames().join(', ')})`);
  return kind;
}

export function scenarioKindNames(): string[] {
  return [...kinds.keys()].sort();
}
