import type { AppConfig } from '@lastmile/config';
import type { SliceLimits } from '@lastmile/slices';

/** What an upload (or a researcher's items) may hold, from the validated configuration. */
export function sliceLimits(config: AppConfig): Partial<SliceLimits> {
  return {
    ...(config.LASTMILE_SLICE_LIMITS as Partial<SliceLimits>),
    maxBytes: config.LASTMILE_MAX_UPLOAD_BYTES,
    maxItems: config.LASTMILE_MAX_SLICE_ITEMS,
    maxAudioSeconds: config.LASTMILE_MAX_AUDIO_SECONDS,
  };
}
