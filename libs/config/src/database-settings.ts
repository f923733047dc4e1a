/** Where the embedded database lives when DATABASE_URL is not set. */
export const DEFAULT_LASTMILE_HOME = './.lastmile';

export interface DatabaseSettings {
  DATABASE_URL?: string;
  LASTMILE_HOME: string;
}

/**
 * DATABASE_URL and LASTMILE_HOME read as loadConfig reads them (an empty variable is unset), but
 * not validated and without loading the validator: `lastmile run` starts the embedded server with
 * this before the rest of its code has loaded. A value loadConfig refuses is refused there later.
 */
export function databaseSettings(env: NodeJS.ProcessEnv): DatabaseSettings {
  return {
    DATABASE_URL: env.DATABASE_URL || undefined,
    LASTMILE_HOME: env.LASTMILE_HOME || DEFAULT_LASTMILE_HOME,
  };
}
