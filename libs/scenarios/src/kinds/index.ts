// Every built-in scenario kind registers itself by being imported here.
import { registerScenarioKind } from '../registry';
import { asrKind } from './asr/asr.kind';
import { classificationKind } from './classification/classification.kind';
import { domainKind } from './domain/domain.kind';
import { fairnessCounterfactualKind } from './fairness-counterfactual/fairness-counterfactual.kind';
import { fairnessPronounsKind } from './fairness-pronouns/fairness-pronouns.kind';
import { guardrailKind } from './guardrail/guardrail.kind';
import { citationsKind } from './hallucinated-citations/citations.kind';
import { multipleChoiceKind } from './multiple-choice/multiple-choice.kind';
import { openAnswerKind } from './open-answer/open-answer.kind';
import { qaKind } from './qa/qa.kind';
import { toxicityKind } from './toxicity/toxicity.kind';
import { verbatimKind } from './verbatim/verbatim.kind';
import { watermarkKind } from './watermark/watermark.kind';

registerScenarioKind(qaKind);
registerScenarioKind(multipleChoiceKind);
registerScenarioKind(classificationKind);
registerScenarioKind(toxicityKind);
registerScenarioKind(citationsKind);
registerScenarioKind(fairnessPronounsKind);
registerScenarioKind(fairnessCounterfactualKind);
registerScenarioKind(asrKind);
registerScenarioKind(domainKind);
registerScenarioKind(verbatimKind);
registerScenarioKind(watermarkKind);
registerScenarioKind(guardrailKind);
registerScenarioKind(openAnswerKind);
