// Every built-in scenario kind registers itself by being imported here.
import { registerScenarioKind } from '../registry';
import { multipleChoiceKind } from './multiple-choice/multiple-choice.kind';
import { qaKind } from './qa/qa.kind';

registerScenarioKind(qaKind);
registerScenarioKind(multipleChoiceKind);
