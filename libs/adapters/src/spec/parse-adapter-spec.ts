import { z } from 'zod';
import { AdapterConfigError } from '../errors/adapter-config-error';
import { adapterSpecSchema, type AdapterSpec } from './adapter-spec.schema';

/** Validates a spec (raw JSON or typed) and fills defaults; AdapterConfigError lists every problem. */
export function parseAdapterSpec(spec: unknown): AdapterSpec {
  const result = adapterSpecSchema.safeParse(spec);
  if (!result.success) {
    throw new AdapterConfigError(`invalid adapter spec:\n${z.prettifyError(result.error)}`);
  }
  return result.data;
}
