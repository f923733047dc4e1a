/**
 * The process environment. Read here and nowhere else (a lint rule keeps it so): settings go
 * through loadConfig's validation; the few raw reads left — the environment passed on to a
 * child process, the model keys an apiKeyEnv names (filtered by the operator's policy first) —
 * go through this one accessor, so a reader can find every one of them.
 */
export function processEnv(): NodeJS.ProcessEnv {
  return process.env;
}
