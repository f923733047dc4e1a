// Regenerates the committed CSL-JSON bibliography from the vendored ACL Anthology XML:
//   npm run build && node dist/libs/scenarios/src/data/citations/acl-anthology/convert-acl-anthology.js
// It writes into the source tree (libs/scenarios/data/public/…), not into dist.
// acl-anthology-bibliography.spec.ts fails when the committed file and this output differ.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { aclCslJson } from './acl-xml-to-csl';
import { ACL_ANTHOLOGY_CSL_FILE, ACL_ANTHOLOGY_XML_FILES } from './acl-anthology-files';

function sourceDataDir(): string {
  // From dist/libs/scenarios/src/data/citations/acl-anthology or libs/scenarios/src/data/citations/acl-anthology.
  const repoRoot = __dirname.includes(`${join('dist', 'libs')}`)
    ? join(__dirname, '..', '..', '..', '..', '..', '..', '..')
    : join(__dirname, '..', '..', '..', '..', '..', '..');
  return join(repoRoot, 'libs', 'scenarios', 'data', 'public');
}

const dir = sourceDataDir();
const json = aclCslJson(ACL_ANTHOLOGY_XML_FILES.map((f) => readFileSync(join(dir, f), 'utf8')));
writeFileSync(join(dir, ACL_ANTHOLOGY_CSL_FILE), json);
console.log(`wrote ${JSON.parse(json).length} entries to ${join(dir, ACL_ANTHOLOGY_CSL_FILE)}`);
