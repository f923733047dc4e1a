import type { HttpExchange } from '../http/http-transport';

export interface ToxicityScore {
  /** Probability of toxicity in [0, 1]. */
  toxicity: number;
  attributes?: Record<string, number>;
}

/** How one classifier API is asked for a score and how its JSON answer is read. */
export interface ScoringProtocol {
  buildExchange(text: string, apiKey: string | undefined): HttpExchange;
  /** Throws invalid_response when a score is missing or outside [0, 1]. */
  readScore(body: unknown, target: string): ToxicityScore;
}
