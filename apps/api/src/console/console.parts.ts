import { ConsoleSessionsService } from './auth/console-sessions.service';
import { ConsoleLookups } from './console-lookups.service';
import { ConsoleAlertsController } from './pages/alerts.controller';
import { ConsoleSignInController } from './pages/sign-in.controller';

/** The console's pages (served by the API process under /console) and what they need. */
export const CONSOLE_CONTROLLERS = [ConsoleSignInController, ConsoleAlertsController];
export const CONSOLE_PROVIDERS = [ConsoleSessionsService, ConsoleLookups];
