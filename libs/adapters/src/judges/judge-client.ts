import { createAdapter } from '../adapters/create-adapter';
import type { AdapterOptions, ModelAdapter, ModelRequest } from '../model-adapter';
import type { AdapterSpec, AdapterSpecInput } from '../spec/adapter-spec.schema';

/**
 * A judge model behind any adapter: structurally the JudgeClient of @lastmile/scenarios (and,
 * with `paraphrase`, its paraphraser). Failures reject with the adapter's ModelCallError, so the
 * runner records the item as a scorer error, never a score.
 */
export interface AdapterJudgeClient {
  readonly id: string;
  complete(request: ModelRequest): Promise<string>;
  close(): Promise<void>;
}

/** Wraps an adapter that already exists (tests; a runner that pools adapters). */
export function judgeClientFor(adapter: ModelAdapter, id: string): AdapterJudgeClient {
  return {
    id,
    complete: async (request) => (await adapter.invoke(request)).text,
    close: async () => adapter.close?.(),
  };
}

/**
 * Builds the judge's own adapter from the spec in the scenario config. `id` is
 * judgeProvenance(config).id from @lastmile/scenarios, so kinds can check they got the judge
 * their config names. One client per run: its limits (rate, concurrency) live in the adapter.
 */
export function createJudgeClient(
  spec: AdapterSpec | AdapterSpecInput,
  id: string,
  options: AdapterOptions = {},
): AdapterJudgeClient {
  return judgeClientFor(createAdapter(spec, options), id);
}

export interface AdapterParaphraser {
  readonly id: string;
  paraphrase(text: string): Promise<string>;
  close(): Promise<void>;
}

export const PARAPHRASE_PROMPT =
  'Paraphrase the following text. Keep its meaning and length; change the wording and sentence ' +
  'structure. Reply with the paraphrase only.\n\n';

/** A second model that paraphrases (the watermark kind's attack), as context.paraphraser. */
export function createParaphraser(
  spec: AdapterSpec | AdapterSpecInput,
  id: string,
  options: AdapterOptions = {},
): AdapterParaphraser {
  const adapter = createAdapter(spec, options);
  return {
    id,
    paraphrase: async (text) =>
      (
        await adapter.invoke({
          messages: [{ role: 'user', content: PARAPHRASE_PROMPT + text }],
          params: { temperature: 0.7 },
        })
      ).text,
    close: async () => adapter.close?.(),
  };
}
