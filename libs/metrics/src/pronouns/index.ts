export { countPronouns, type PronounCategory, type PronounCounts } from './count-pronouns';
