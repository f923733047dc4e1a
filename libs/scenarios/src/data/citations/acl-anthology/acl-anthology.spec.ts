import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { parseCslJsonBibliography } from '@lastmile/metrics';
import { readPublicFile } from '../../public/public-data';
import { aclCitationPrompts } from './acl-anthology-bibliography';
import { ACL_ANTHOLOGY_CSL_FILE, ACL_ANTHOLOGY_XML_FILES } from './acl-anthology-files';
import { type AclCslItem, aclCslJson, aclXmlToCsl, flattenMarkup } from './acl-xml-to-csl';

const xml = ACL_ANTHOLOGY_XML_FILES.map((f) => readPublicFile(f));
const committed = readPublicFile(ACL_ANTHOLOGY_CSL_FILE);
const items = JSON.parse(committed) as AclCslItem[];
const byId = (id: string) => items.find((item) => item.id === id)!;

describe('ACL Anthology 2016 bibliography', () => {
  it('keeps the vendored files as recorded in acl-anthology/SHA256SUMS', () => {
    const lines = readPublicFile('acl-anthology/SHA256SUMS').trim().split('\n');
    assert.equal(lines.length, 5);
    for (const line of lines) {
      const [sha256, path] = line.split(/\s+/);
      const actual = createHash('sha256').update(readPublicFile(path)).digest('hex');
      assert.equal(actual, sha256, path);
    }
  });

  it('is exactly the converter output of the vendored XML (rerun convert-acl-anthology)', () => {
    assert.equal(committed, aclCslJson(xml));
  });

  it('holds every paper with authors and a DOI: 53 CoNLL, 224 NAACL-HLT, 378 ACL', () => {
    assert.deepEqual(
      xml.map((file) => aclXmlToCsl(file).length),
      [53, 224, 378],
    );
    assert.equal(items.length, 655);
    assert.equal(new Set(items.map((i) => i.id)).size, 655);
    assert.ok(items.every((i) => i.issued['date-parts'][0][0] === 2016));
    assert.ok(items.every((i) => i.DOI.startsWith('10.18653/v1/')));
    assert.equal(parseCslJsonBibliography(committed).length, 655);
  });

  it('reads a paper as the XML gives it, six authors in order', () => {
    // N16.xml, volume 1, paper 174.
    assert.deepEqual(byId('yang-etal-2016-hierarchical'), {
      id: 'yang-etal-2016-hierarchical',
      type: 'paper-conference',
      title: 'Hierarchical Attention Networks for Document Classification',
      author: [
        { family: 'Yang', given: 'Zichao' },
        { family: 'Yang', given: 'Diyi' },
        { family: 'Dyer', given: 'Chris' },
        { family: 'He', given: 'Xiaodong' },
        { family: 'Smola', given: 'Alex' },
        { family: 'Hovy', given: 'Eduard' },
      ],
      'container-title':
        'Proceedings of the 2016 Conference of the North American Chapter of the Association for Computational Linguistics: Human Language Technologies',
      issued: { 'date-parts': [[2016]] },
      DOI: '10.18653/v1/N16-1174',
      URL: 'https://aclanthology.org/N16-1174',
      publisher: 'Association for Computational Linguistics',
      'publisher-place': 'San Diego, California',
      page: '1480–1489',
    });
  });

  it('flattens title markup and keeps a mononym without a given name', () => {
    assert.equal(
      byId('vu-parker-2016-k').title,
      'K-Embeddings: Learning Conceptual Embeddings for Words using Context',
    );
    assert.equal(
      byId('iyyer-etal-2016-feuding').title,
      'Feuding Families and Former Friends: Unsupervised Learning for Dynamic Fictional Relationships',
    );
    assert.deepEqual(byId('jain-mausam-2016-knowledge').author, [
      { family: 'Jain', given: 'Prachi' },
      { family: 'Mausam' },
    ]);
    assert.equal(
      flattenMarkup(
        'Q &amp; A for <fixed-case>E</fixed-case>nglish\n   &#x2013; <tex-math>K</tex-math>',
      ),
      'Q & A for English – K',
    );
  });

  it('leaves out papers without a DOI (the P16 tutorial abstracts)', () => {
    const p16 = aclXmlToCsl(xml[2]);
    assert.ok(!p16.some((i) => i.URL.includes('P16-5')));
  });

  it('asks for 30 multi-author papers per venue, the same ones every time', () => {
    const prompts = aclCitationPrompts();
    assert.equal(prompts.length, 90);
    const perVenue = new Map<string, number>();
    for (const p of prompts)
      perVenue.set(p.attributes.venue, (perVenue.get(p.attributes.venue) ?? 0) + 1);
    assert.deepEqual(Object.fromEntries(perVenue), { CoNLL: 30, 'NAACL-HLT': 30, ACL: 30 });
    for (const p of prompts) {
      const entry = byId(p.id.slice('acl-'.length));
      assert.ok(entry.author.length >= 2, p.id);
      assert.ok(p.input!.includes(`"${entry.title}"`), p.id);
    }
    assert.equal(prompts.filter((p) => p.attributes.authors === '5+').length, 23);
    assert.deepEqual(
      prompts.slice(0, 2).map((p) => p.id),
      ['acl-bowman-etal-2016-generating', 'acl-nguyen-etal-2016-neighborhood'],
    );
    assert.deepEqual(aclCitationPrompts(), prompts);
  });
});
