/** The vendored Anthology volume files (under libs/scenarios/data/public/acl-anthology/), in order. */
export const ACL_ANTHOLOGY_XML_FILES = [
  'acl-anthology/K16.xml',
  'acl-anthology/N16.xml',
  'acl-anthology/P16.xml',
] as const;

/** The CSL-JSON bibliography converted from them by convert-acl-anthology.ts (committed). */
export const ACL_ANTHOLOGY_CSL_FILE = 'acl-anthology/acl-anthology-2016.csl.json';
