import {
  bpeEncoding,
  CODE_LANGUAGES,
  type CodeLanguage,
  type PrefixSplit,
  splitAtTokens,
  splitAtWords,
} from '@lastmile/metrics';
import type { ScenarioItem } from '../../scenario-kind';
import type { VerbatimConfig } from './verbatim.config';

/**
 * The prompt's prefix and the true continuation of a protected text. An item with one reference
 * is already split (input = prefix, reference = continuation); otherwise input is the whole text,
 * cut after `prefixLength` words or tokens.
 */
export function splitItem(item: ScenarioItem, config: VerbatimConfig): PrefixSplit {
  const text = item.input ?? '';
  const references = item.references ?? [];
  if (references.length === 1) return { prefix: text, continuation: references[0], prefixUnits: 0 };
  if (references.length > 1)
    throw new RangeError(
      `verbatim item ${item.id} has ${references.length} references; give one or none`,
    );
  const split =
    config.unit === 'words'
      ? splitAtWords(text, config.prefixLength)
      : splitAtTokens(text, config.prefixLength, bpeEncoding(config.encoding));
  if (split.continuation.trim() === '') {
    throw new RangeError(
      `verbatim item ${item.id} has no text after its ${config.prefixLength}-${config.unit} prefix`,
    );
  }
  return split;
}

/** The item's code language (attribute `language`, else the config's), or null for prose. */
export function languageOf(item: ScenarioItem, config: VerbatimConfig): CodeLanguage | null {
  const language = item.attributes.language ?? config.language;
  if (language === undefined) return null;
  if (!(CODE_LANGUAGES as readonly string[]).includes(language)) {
    throw new RangeError(
      `verbatim item ${item.id} has language "${language}", not one of ${CODE_LANGUAGES.join(', ')}`,
    );
  }
  return language as CodeLanguage;
}
