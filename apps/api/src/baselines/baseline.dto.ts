import { z } from 'zod';

export const pinBaselineSchema = z.strictObject({
  /** A succeeded or partial run of this plan whose results become the baseline. */
  runId: z.uuid(),
});
export type PinBaselineBody = z.output<typeof pinBaselineSchema>;
