import type { FindingDraft, TestObservation } from '@lastmile/monitoring';

/** One run's word on one test: a finding (with its evidence and test) or a clean test. */
export type AlertObservation = TestObservation;

/** What a builder reports for a bad test; the kind, metric and subgroup come from the test. */
export type FindingInput = Pick<FindingDraft, 'severity' | 'title' | 'evidence'> &
  Partial<Pick<FindingDraft, 'test' | 'pValue' | 'qValue' | 'effect'>>;
