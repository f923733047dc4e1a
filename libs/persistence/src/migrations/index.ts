import { InitialSchema1764000000000 } from './1764000000000-InitialSchema';
import { AlertListIndexes1795486072483 } from './1795486072483-AlertListIndexes';
import { SecretsAndQuotas1796000000000 } from './1796000000000-SecretsAndQuotas';
import { CardsAndBounties1797000000000 } from './1797000000000-CardsAndBounties';
import { Incidents1797500000000 } from './1797500000000-Incidents';
import { Reviews1797600000000 } from './1797600000000-Reviews';
import { ConsoleSessions1797700000000 } from './1797700000000-ConsoleSessions';
import { SlicePurpose1797800000000 } from './1797800000000-SlicePurpose';
import { RunComparisons1798200000000 } from './1798200000000-RunComparisons';
import { CardVersionKeys1798300000000 } from './1798300000000-CardVersionKeys';
import { PlanSample1798400000000 } from './1798400000000-PlanSample';
import { BaselineItemStatsJson1798500000000 } from './1798500000000-BaselineItemStatsJson';

/** Every migration, in order. New ones are appended here. */
export const MIGRATIONS = [
  InitialSchema1764000000000,
  AlertListIndexes1795486072483,
  SecretsAndQuotas1796000000000,
  CardsAndBounties1797000000000,
  Incidents1797500000000,
  Reviews1797600000000,
  ConsoleSessions1797700000000,
  SlicePurpose1797800000000,
  RunComparisons1798200000000,
  CardVersionKeys1798300000000,
  PlanSample1798400000000,
  BaselineItemStatsJson1798500000000,
];
