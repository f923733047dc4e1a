import type { ScenarioRequest } from '../scenario-kind';

/**
 * What a kind needs from a judge model: send a request, get the text back. The runner resolves
 * it from the scenario config (like the toxicity classifier) and passes it as context.judge;
 * @lastmile/adapters' createJudgeClient builds one from any adapter spec. A failed call rejects
 * (the item becomes a recorded error), never resolves with an empty answer.
 */
export interface JudgeClient {
  /** judgeProvenance(config).id of the judge this client calls. */
  readonly id: string;
  complete(request: ScenarioRequest): Promise<string>;
}
