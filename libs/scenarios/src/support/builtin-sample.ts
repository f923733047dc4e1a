import type { ScenarioItem, ScenarioKind } from '../scenario-kind';
import {
  type SampleAttributeError,
  type SampleSpec,
  sampleAttributeError,
  stratifiedSample,
} from './stratified-sample';

/** Every built-in item of the kind under this config, whatever sample the config names. */
export function fullBuiltinItems<C>(kind: ScenarioKind<C>, config: C): ScenarioItem[] {
  return kind.builtinItems?.({ ...(config as object), sample: 'full' } as C) ?? [];
}

/**
 * The kind's built-in items a run evaluates. Precedence: the plan's `sample` when it sets one
 * (drawn from every built-in item in the kind's units, see ScenarioKind.sampleUnit), otherwise
 * the scenario config's own `sample` or the kind's default.
 */
export function builtinItemsFor<C>(
  kind: ScenarioKind<C>,
  config: C,
  planSample?: SampleSpec | null,
): ScenarioItem[] {
  if (planSample === undefined || planSample === null) return kind.builtinItems?.(config) ?? [];
  return stratifiedSample(fullBuiltinItems(kind, config), planSample, kind.sampleUnit);
}

/**
 * A sample that cannot stratify the kind's built-in items (its `by` is an attribute none of them
 * carries), or null. `sample` defaults to the config's own.
 */
export function builtinSampleProblem<C>(
  kind: ScenarioKind<C>,
  config: C,
  sample: SampleSpec | null | undefined = (config as { sample?: SampleSpec }).sample,
): SampleAttributeError | null {
  if (sample === undefined || sample === null || sample === 'full') return null;
  return sampleAttributeError(fullBuiltinItems(kind, config), sample);
}
