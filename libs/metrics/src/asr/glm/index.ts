export { applyGlm } from './glm-filter';
export {
  type GlmParseOptions,
  type GlmRule,
  type GlmRuleSet,
  GlmFormatError,
  parseGlm,
} from './glm-rules';
export { type GlmAlignment, alignWithGlm } from './glm-score';
