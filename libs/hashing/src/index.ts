// Public API of @lastmile/hashing: the one canonical JSON behind every content hash (slices,
// adapter specs, response-cache keys).
export * from './canonical-json';
