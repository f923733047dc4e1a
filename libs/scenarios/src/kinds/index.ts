// Every built-in scenario kind registers itself by being imported here.
import { withOptionalJudge } from '../judges/optional-judge';
import { registerScenarioKind } from '../registry';
import { asrKind } from './asr/asr.kind';
import { biasQaKind } from './bias-qa/bias-qa.kind';
import { classificationKind } from './classification/classification.kind';
import { coreferencePronounsKind } from './coreference-pronouns/coreference.kind';
import { domainKind } from './domain/domain.kind';
import { fairnessCounterfactualKind } from './fairness-counterfactual/fairness-counterfactual.kind';
import { fairnessPronounsKind } from './fairness-pronouns/fairness-pronouns.kind';
import { guardrailKind } from './guardrail/guardrail.kind';
import { judgeCalibrationKind } from './judge-calibration/judge-calibration.kind';
import { citationsKind } from './hallucinated-citations/citations.kind';
import { multipleChoiceKind } from './multiple-choice/multiple-choice.kind';
import { openAnswerKind } from './open-answer/open-answer.kind';
import { breakdownOf as openGenerationBreakdown } from './open-generation/open-generation.config';
import { openGenerationKind } from './open-generation/open-generation.kind';
import { qaKind } from './qa/qa.kind';
import { toxicityKind } from './toxicity/toxicity.kind';
import { verbatimKind } from './verbatim/verbatim.kind';
import { watermarkKind } from './watermark/watermark.kind';

// Kinds whose answers are open text also take an optional `judge` (judges/optional-judge.ts).
// Not the others: multiple_choice, classification, bias_qa and coreference_pronouns read a letter
// or a label by exact rules; guardrail's answer is a verdict; fairness_pronouns and
// fairness_counterfactual measure differences between groups, not answers; verbatim would send the
// protected text to a third model and watermark measures token statistics; open_answer's judge is
// required and judge_calibration's judge is the model itself; asr is audio.
registerScenarioKind(withOptionalJudge(qaKind));
registerScenarioKind(multipleChoiceKind);
registerScenarioKind(classificationKind);
registerScenarioKind(withOptionalJudge(toxicityKind));
registerScenarioKind(withOptionalJudge(citationsKind));
registerScenarioKind(fairnessPronounsKind);
registerScenarioKind(fairnessCounterfactualKind);
registerScenarioKind(asrKind);
registerScenarioKind(withOptionalJudge(domainKind));
registerScenarioKind(verbatimKind);
registerScenarioKind(watermarkKind);
registerScenarioKind(guardrailKind);
registerScenarioKind(openAnswerKind);
registerScenarioKind(judgeCalibrationKind);
registerScenarioKind(coreferencePronounsKind);
registerScenarioKind(biasQaKind);
registerScenarioKind(
  withOptionalJudge(openGenerationKind, { breakdownOf: openGenerationBreakdown }),
);
