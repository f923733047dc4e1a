import { InitialSchema1764000000000 } from './1764000000000-InitialSchema';

/** Every migration, in order. New ones are appended here. */
export const MIGRATIONS = [InitialSchema1764000000000];
