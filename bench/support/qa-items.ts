import { writeFileSync } from 'node:fs';
import { startChatModelServer, type ChatModelServer } from '@lastmile/fixtures';

export interface QaItem {
  id: string;
  input: string;
  references: string[];
  attributes: { topic: string };
}

const TOPICS = ['arithmetic', 'geography', 'history', 'science'];

/** n deterministic questions "What is a plus b?" with the sum as reference. */
export function qaItems(n: number): QaItem[] {
  return Array.from({ length: n }, (_, i) => {
    const a = (i * 7919) % 1000;
    const b = (i * 104729) % 1000;
    return {
      id: `q${i}`,
      input: `Item ${i}: what is ${a} plus ${b}?`,
      references: [String(a + b)],
      attributes: { topic: TOPICS[i % TOPICS.length] },
    };
  });
}

export function writeQaJsonl(path: string, items: QaItem[]): void {
  writeFileSync(path, items.map((item) => JSON.stringify(item)).join('\n') + '\n');
}

/**
 * The fixture model: answers the sum, except every tenth item (wrong by one), so scores are
 * neither all right nor all wrong. Only answers from the prompt text, like a real model.
 */
export function startQaModel(latencyMs: number): Promise<ChatModelServer> {
  return startChatModelServer({
    latencyMs,
    answer(prompt) {
      const match = /Item (\d+): what is (\d+) plus (\d+)\?/.exec(prompt);
      if (!match) return 'I do not know';
      const [index, a, b] = match.slice(1).map(Number);
      return String(a + b + (index % 10 === 0 ? 1 : 0));
    },
  });
}

/** lastmile's qa prompt, written out so promptfoo sends the very same text. */
export const QA_PROMPT =
  'Answer the question with a short answer only, no explanation.\nQuestion: {question}\nAnswer:';
