import type { AsrConfig } from './asr.config';

export interface AsrResponse {
  text: string;
  confidence: number | null;
}

/** The transcript, and the recognizer's confidence when the response is JSON that has one. */
export function readAsrResponse(
  response: string,
  config: Pick<AsrConfig, 'response'>,
): AsrResponse {
  if (config.response === 'text') return { text: response, confidence: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(response);
  } catch {
    throw new RangeError(`asr response is not JSON: ${response.slice(0, 80)}`);
  }
  const { text, confidence } = (parsed ?? {}) as { text?: unknown; confidence?: unknown };
  if (typeof text !== 'string') throw new RangeError('asr JSON response has no string "text"');
  if (confidence === undefined || confidence === null) return { text, confidence: null };
  if (typeof confidence !== 'number' || !(confidence >= 0 && confidence <= 1))
    throw new RangeError(
      `asr JSON "confidence" must be a number in [0, 1], got ${JSON.stringify(confidence)}`,
    );
  return { text, confidence };
}
