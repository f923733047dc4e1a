// Subsets of items by their attributes: the predicate grammar of bias bounties, the subset test,
// and the watched subgroups an accepted finding adds to a model's plans (docs/bounties.md).
export { PredicateError } from './predicate-error';
export { parsePredicate, PREDICATE_LIMITS } from './predicate-parser';
export {
  canonicalPredicate,
  checkVocabulary,
  conditionsOf,
  matchesPredicate,
  type Predicate,
} from './predicate';
export {
  subsetPool,
  subsetPoolOfInstances,
  testSubset,
  type SubsetPool,
  type SubsetTest,
  type SubsetTestOptions,
} from './subset-test';
export {
  watchedSubgroupMetrics,
  watchedSubgroups,
  watchLabel,
  WATCH_PREFIX,
  type WatchedSubgroupSpec,
} from './watched-subgroups';
