import { z } from 'zod';

// Response fields as JSON carries them: a Date leaves as an ISO 8601 string, an id as a string.
export const uuid = () => z.string().meta({ format: 'uuid' });
export const timestamp = () => z.string().meta({ format: 'date-time' });
export const jsonObject = (description: string) =>
  z.record(z.string(), z.unknown()).meta({ description });
