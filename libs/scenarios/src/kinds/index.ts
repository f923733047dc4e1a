// Every built-in scenario kind registers itself by being imported here.
import { registerScenarioKind } from '../registry';
import { asrKind } from './asr/asr.kind';
import { biasQaKind } from './bias-qa/bias-qa.kind';
import { classificationKind } from './classification/classification.kind';
import { coreferencePronounsKind } from './coreference-pronouns/coreference.kind';
import { domainKind } from './domain/domain.kind';
import { fairnessCounterfactualKind } from './fairness-counterfactual/fairness-counterfactual.kind';
import { fairnessPronounsKind } from './fairness-pronouns/fairness-pronouns.kind';
import { citationsKind } from './hallucinated-citations/citations.kind';
import { multipleChoiceKind } from './multiple-choice/multiple-choice.kind';
import { openGenerationKind } from './open-generation/open-generation.kind';
import { qaKind } from './qa/qa.kind';
import { toxicityKind } from './toxicity/toxicity.kind';

registerScenarioKind(qaKind);
registerScenarioKind(multipleChoiceKind);
registerScenarioKind(classificationKind);
registerScenarioKind(toxicityKind);
registerScenarioKind(citationsKind);
registerScenarioKind(fairnessPronounsKind);
registerScenarioKind(fairnessCounterfactualKind);
registerScenarioKind(asrKind);
registerScenarioKind(domainKind);
registerScenarioKind(coreferencePronounsKind);
registerScenarioKind(biasQaKind);
registerScenarioKind(openGenerationKind);
