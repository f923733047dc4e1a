import { writeFileSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { Database, type Stores } from '@lastmile/persistence';
import { generateServiceCard, renderCardHtml, renderCardMarkdown } from '@lastmile/reports';
import { openServiceContext } from '../service-context';

const FORMATS = ['md', 'html', 'json'] as const;
type Format = (typeof FORMATS)[number];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function parseFormat(value: string): Format {
  if (!(FORMATS as readonly string[]).includes(value))
    throw new InvalidArgumentError(`must be one of ${FORMATS.join(', ')}`);
  return value as Format;
}

/** A model by id, or by name@version (the version after the last @). */
async function findModel(stores: Stores, ref: string) {
  if (UUID.test(ref)) return stores.models.find(ref.toLowerCase());
  const at = ref.lastIndexOf('@');
  if (at <= 0) return null;
  return stores.models.findByNameVersion(ref.slice(0, at), ref.slice(at + 1));
}

/**
 * `lastmile card <model>`: the model's service card from the stored results, as the operator
 * sees it (every evaluation), recorded as a version like the API's; see docs/service-cards.md.
 */
export function registerCardCommand(program: Command): void {
  program
    .command('card')
    .description("print a model's service card, generated from stored results")
    .argument('<model>', 'model id, or name@version')
    .option('--format <format>', `${FORMATS.join(', ')}`, parseFormat, 'md')
    .option('--out <file>', 'write the card to a file instead of standard output')
    .action(async (ref: string, options: { format: Format; out?: string }) => {
      const context = await openServiceContext();
      try {
        const { stores } = new Database(context.dataSource);
        const model = await findModel(stores, ref);
        if (!model) {
          console.error(`error: no model ${ref} (give its id or name@version)`);
          process.exitCode = 2;
          return;
        }
        const { card, cardId } = (await generateServiceCard(stores, model.id, { kind: 'all' }))!;
        const text =
          options.format === 'md'
            ? renderCardMarkdown(card)
            : options.format === 'html'
              ? renderCardHtml(card)
              : `${JSON.stringify({ ...card, cardId }, null, 2)}\n`;
        if (options.out) {
          writeFileSync(options.out, text);
          console.error(`wrote the card of ${model.name}@${model.version} to ${options.out}`);
        } else process.stdout.write(text);
      } finally {
        await context.close();
      }
    });
}
