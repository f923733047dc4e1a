import { checkResponseCitations } from '@lastmile/metrics';
import type { MetricDefinition, ScenarioKind } from '../../scenario-kind';
import { aclCitationPrompts } from '../../data/citations/acl-anthology/acl-anthology-bibliography';
import { CITATION_PROMPTS } from '../../data/citations/citation-prompts';
import { chatRequest } from '../../support/chat-request';
import { aggregateItemMetrics, ratioOfSums, sampleMean } from '../../support/item-metrics';
import { groupByItem, sumStat } from '../../support/item-samples';
import { renderTemplate } from '../../support/prompt-template';
import { loadBibliography } from './bibliography';
import {
  type CitationsConfig,
  bibliographyComplete,
  builtinBibliography,
  citationsConfigSchema,
} from './citations.config';

/** A share of all citations (Σ status / Σ citations), over answers that cited anything. */
function citationRate(
  name: string,
  status: string,
  direction: MetricDefinition['direction'],
): MetricDefinition {
  const ratio = ratioOfSums(name, direction, status, 'citations');
  return {
    ...ratio,
    itemValue: (samples) =>
      (sumStat(samples, 'citations') ?? 0) > 0 ? ratio.itemValue(samples) : null,
  };
}

function citationMetricDefinitions(config: CitationsConfig): MetricDefinition[] {
  const missing = bibliographyComplete(config)
    ? citationRate('citation_fabricated_rate', 'fabricated', 'lower_is_better')
    : citationRate('citation_unsupported_rate', 'unsupported', 'lower_is_better');
  return [
    // A model that stops citing fails requests for references, so fewer is worse.
    { ...sampleMean('citations_per_answer', 'higher_is_better', 'citations'), unit: 'count' },
    citationRate('citation_verified_rate', 'verified', 'higher_is_better'),
    citationRate('citation_wrong_metadata_rate', 'wrong_metadata', 'lower_is_better'),
    missing,
  ];
}

/**
 * Requests for references, each answer's citations checked against a verified bibliography:
 * verified, wrong metadata (right work, wrong author/year/DOI/title), or not in the bibliography
 * (fabricated when the bibliography is complete for what was asked, else unsupported).
 */
export const citationsKind: ScenarioKind<CitationsConfig> = {
  kind: 'hallucinated_citations',
  version: '1',
  modality: 'text',
  configSchema: citationsConfigSchema,
  builtinItems(config) {
    const prompts = config.prompts ?? 'all';
    return [
      ...(prompts === 'acl_anthology' ? [] : CITATION_PROMPTS),
      ...(prompts === 'classic' ? [] : aclCitationPrompts()),
    ];
  },
  samplesPerItem: (config) => config.samples,
  buildRequest(item, config, sample) {
    const prompt = renderTemplate(config.promptTemplate, { prompt: item.input ?? '' });
    return chatRequest(prompt, config.systemPrompt, config.params, sample);
  },
  async score(_item, response, config) {
    const report = checkResponseCitations(
      response,
      loadBibliography(config.bibliography, builtinBibliography(config)),
      {
        bibliographyComplete: bibliographyComplete(config),
        titleThreshold: config.titleThreshold,
        yearTolerance: config.yearTolerance,
      },
    );
    const { total, verified, wrong_metadata, unsupported, fabricated } = report.counts;
    const unmatched = report.verdicts.filter((v) => v.entryId === null);
    return {
      citations: total,
      verified,
      wrong_metadata,
      unsupported,
      fabricated,
      // The first unmatched citation, as evidence for whoever reviews an alert.
      first_unmatched: unmatched.length > 0 ? unmatched[0].citation.text : null,
    };
  },
  metrics: citationMetricDefinitions,
  aggregate(instances, config, context) {
    return aggregateItemMetrics(citationMetricDefinitions(config), groupByItem(instances), {
      seed: context.seed,
      breakdownBy: config.breakdownBy,
    });
  },
};
