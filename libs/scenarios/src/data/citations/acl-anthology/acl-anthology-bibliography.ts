import type { ScenarioItem } from '../../../scenario-kind';
import { stratifiedSample } from '../../../support/stratified-sample';
import { lazy, readPublicFile } from '../../public/public-data';
import { ACL_ANTHOLOGY_CSL_FILE } from './acl-anthology-files';

/** What the prompts use of a CSL item (the committed file holds the full items). */
interface AclEntry {
  id: string;
  title: string;
  author: Array<{ family: string; given?: string }>;
  URL: string;
}

/**
 * The CSL-JSON text of 655 ACL Anthology 2016 papers (CoNLL, NAACL-HLT, ACL; CC BY 4.0),
 * converted from the vendored volume XML by convert-acl-anthology.ts.
 */
export const aclAnthologyCslText = lazy(() => readPublicFile(ACL_ANTHOLOGY_CSL_FILE));

const aclEntries = lazy(() => JSON.parse(aclAnthologyCslText()) as AclEntry[]);

const VENUES: Record<string, string> = { K: 'CoNLL', N: 'NAACL-HLT', P: 'ACL' };

/** The venue of an Anthology id's collection letter (K16-1001 → CoNLL). */
function venueOf(entry: AclEntry): string {
  const anthologyId = entry.URL.slice(entry.URL.lastIndexOf('/') + 1);
  return VENUES[anthologyId[0]] ?? 'ACL Anthology';
}

function authorBucket(n: number): string {
  return n === 2 ? '2' : n <= 4 ? '3-4' : '5+';
}

/** How the Anthology prompts are chosen: fixed, so the built-in slice never changes. */
export const ACL_PROMPT_SAMPLE = { perGroup: 30, by: 'venue', seed: 2016 } as const;

/**
 * Requests for specific ACL Anthology 2016 papers by title, asking for the full author list:
 * 30 per venue from the papers with two or more authors, so a citation's co-authors are checked
 * against the entry (an invented or misplaced co-author is wrong_metadata). Attributes: `field`
 * (nlp), `source` (acl_anthology), `venue`, `authors` (2, 3-4, 5+).
 */
export function aclCitationPrompts(): ScenarioItem[] {
  const candidates = aclEntries()
    .filter((entry) => entry.author.length >= 2)
    .map((entry): ScenarioItem => ({
      id: `acl-${entry.id}`,
      input: `Cite the ${venueOf(entry)} 2016 paper titled "${entry.title}", with its full author list, year and DOI.`,
      attributes: {
        field: 'nlp',
        source: 'acl_anthology',
        venue: venueOf(entry),
        authors: authorBucket(entry.author.length),
      },
    }));
  return stratifiedSample(candidates, ACL_PROMPT_SAMPLE);
}
