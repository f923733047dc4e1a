// Build-time only: fast-xml-parser is a dev dependency. The runtime reads the committed CSL-JSON
// (acl-anthology-bibliography.ts); this module and convert-acl-anthology.ts regenerate it.
import { XMLParser } from 'fast-xml-parser';

/** The CSL-JSON fields we write for an ACL Anthology paper. */
export interface AclCslItem {
  id: string;
  type: 'paper-conference';
  title: string;
  author: Array<{ family: string; given?: string }>;
  'container-title': string;
  publisher?: string;
  'publisher-place'?: string;
  issued: { 'date-parts': [[number]] };
  page?: string;
  DOI: string;
  URL: string;
}

type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Titles carry markup (<fixed-case>, <tex-math>): keep their inner XML as text, flattened below.
  stopNodes: ['*.title', '*.booktitle', '*.abstract'],
  isArray: (name) => ['volume', 'paper', 'author', 'editor'].includes(name),
  parseTagValue: false,
  processEntities: false,
});

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

/** Inner XML of a title → plain text: tags dropped (their text kept), entities decoded. */
export function flattenMarkup(xml: string): string {
  return xml
    .replace(/<[^>]*>/gu, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (whole, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X'))
        return String.fromCodePoint(parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
      return ENTITIES[name] ?? whole;
    })
    .replace(/\s+/gu, ' ')
    .trim();
}

function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && '#text' in (value as XmlNode))
    return String((value as XmlNode)['#text']);
  return '';
}

function person(node: XmlNode): { family: string; given?: string } {
  const family = flattenMarkup(text(node.last));
  const given = flattenMarkup(text(node.first));
  // A mononym (e.g. Mausam) has an empty <first/>.
  return given === '' ? { family } : { family, given };
}

/**
 * One Anthology volume file (data/xml/<collection>.xml) → CSL-JSON items, one per paper that has
 * a DOI and authors, in file order. Front matter (the volume itself) is left out, and so are
 * papers without a DOI (in P16, the tutorial abstracts): a verified bibliography entry should
 * carry the identifier a citation can be checked against.
 */
export function aclXmlToCsl(xml: string): AclCslItem[] {
  const root = parser.parse(xml) as { collection?: { volume?: XmlNode[] } };
  const volumes = root.collection?.volume ?? [];
  const items: AclCslItem[] = [];
  for (const volume of volumes) {
    const meta = (volume.meta ?? {}) as XmlNode;
    const booktitle = flattenMarkup(text(meta.booktitle));
    const year = Number(text(meta.year));
    for (const paper of (volume.paper ?? []) as XmlNode[]) {
      const doi = text(paper.doi);
      const authors = ((paper.author ?? []) as XmlNode[]).map(person);
      if (doi === '' || authors.length === 0) continue;
      const item: AclCslItem = {
        id: text(paper.bibkey),
        type: 'paper-conference',
        title: flattenMarkup(text(paper.title)),
        author: authors,
        'container-title': booktitle,
        issued: { 'date-parts': [[year]] },
        DOI: doi,
        URL: `https://aclanthology.org/${text(paper.url)}`,
      };
      const publisher = text(meta.publisher);
      if (publisher) item.publisher = publisher;
      const address = text(meta.address);
      if (address) item['publisher-place'] = address;
      const pages = text(paper.pages);
      if (pages) item.page = pages;
      items.push(item);
    }
  }
  return items;
}

/** The committed file's text: items of every given file, in order, one JSON item per line. */
export function aclCslJson(xmlFiles: readonly string[]): string {
  const lines = xmlFiles.flatMap(aclXmlToCsl).map((item) => JSON.stringify(item));
  return `[\n${lines.join(',\n')}\n]\n`;
}
