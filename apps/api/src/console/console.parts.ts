import { ConsoleSessionsService } from './auth/console-sessions.service';
import { ConsoleLookups } from './console-lookups.service';
import { ConsoleAlertsController } from './pages/alerts.controller';
import { ConsoleModelsController } from './pages/models.controller';
import { ConsolePlansController } from './pages/plans.controller';
import { ConsoleRunsController } from './pages/runs.controller';
import { ConsoleSignInController } from './pages/sign-in.controller';
import { ConsoleSlicesController } from './pages/slices.controller';
import { RunComparisonService } from './run-comparison.service';

/** The console's pages (served by the API process under /console) and what they need. */
export const CONSOLE_CONTROLLERS = [
  ConsoleSignInController,
  ConsoleAlertsController,
  ConsoleSlicesController,
  ConsolePlansController,
  ConsoleRunsController,
  ConsoleModelsController,
];
export const CONSOLE_PROVIDERS = [ConsoleSessionsService, ConsoleLookups, RunComparisonService];
