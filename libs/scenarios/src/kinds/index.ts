// Every built-in scenario kind registers itself by being imported here.
import { registerScenarioKind } from '../registry';
import { asrKind } from './asr/asr.kind';
import { classificationKind } from './classification/classification.kind';
import { domainKind } from './domain/domain.kind';
import { citationsKind } from './hallucinated-citations/citations.kind';
import { multipleChoiceKind } from './multiple-choice/multiple-choice.kind';
import { qaKind } from './qa/qa.kind';
import { toxicityKind } from './toxicity/toxicity.kind';

registerScenarioKind(qaKind);
registerScenarioKind(multipleChoiceKind);
registerScenarioKind(classificationKind);
registerScenarioKind(domainKind);
registerScenarioKind(toxicityKind);
registerScenarioKind(citationsKind);
registerScenarioKind(asrKind);
