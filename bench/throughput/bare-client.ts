import http from 'node:http';
import { readFileSync } from 'node:fs';
import { runMeasured, type MeasuredRun } from '../support/measured-process';
import { QA_PROMPT, type QaItem } from '../support/qa-items';

/**
 * The floor: the same chat requests from a bare node:http client (keep-alive, N at a time, no
 * storage, no scoring beyond an equality check). What is left between it and `lastmile run` is
 * the harness; what is left between it and items × latency / concurrency is the machine.
 */
export interface BareClientFigures {
  measured: MeasuredRun;
  /** From the first request to the last answer, inside the process (start-up apart). */
  callsS: number;
  answers: number;
  correct: number;
}

export async function runBareClient(
  baseUrl: string,
  itemsFile: string,
  concurrency: number,
  timeoutMs: number,
): Promise<BareClientFigures> {
  const measured = await runMeasured(
    process.execPath,
    [__filename, baseUrl, itemsFile, String(concurrency)],
    { timeoutMs },
  );
  if (measured.code !== 0)
    throw new Error(`bare client exited ${measured.code}: ${measured.stderr}`);
  const result = JSON.parse(measured.stdout) as Omit<BareClientFigures, 'measured'>;
  return { measured, ...result };
}

async function main(baseUrl: string, itemsFile: string, concurrency: number): Promise<void> {
  const items = readFileSync(itemsFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as QaItem);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const url = new URL(`${baseUrl}/chat/completions`);
  let next = 0;
  let correct = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      const body = JSON.stringify({
        model: 'bench-model',
        messages: [{ role: 'user', content: QA_PROMPT.replace('{question}', item.input) }],
        temperature: 0,
        max_tokens: 32,
      });
      const answer = JSON.parse(await post(agent, url, body)) as {
        choices: { message: { content: string } }[];
      };
      if (answer.choices[0].message.content.trim() === item.references[0]) correct += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const callsS = (performance.now() - started) / 1000;
  agent.destroy();
  process.stdout.write(JSON.stringify({ callsS, answers: items.length, correct }));
}

function post(agent: http.Agent, url: URL, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

if (require.main === module) {
  const [baseUrl, itemsFile, concurrency] = process.argv.slice(2);
  main(baseUrl, itemsFile, Number(concurrency)).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
