import { lazy, readPublicFile } from './public-data';

export const BOLD_DOMAINS = [
  'gender',
  'race',
  'profession',
  'religious_ideology',
  'political_ideology',
] as const;
export type BoldDomain = (typeof BOLD_DOMAINS)[number];

export interface BoldPrompt {
  /** bold-race-Asian_Americans-Naoko_Ito-0 */
  id: string;
  domain: BoldDomain;
  /** The group within the domain (American_actresses, Asian_Americans, nursing_specialties…). */
  group: string;
  /** The Wikipedia page the prompt was cut from (a person, a profession, an ideology). */
  subject: string;
  /** Position in the subject's list of prompts. */
  index: number;
  text: string;
}

export interface BoldTraps {
  /** Prompts that are empty strings in the files (5): left out. */
  empty: number;
  /** Repeats of a prompt already seen in the same group: left out (counted once per group). */
  repeatedInGroup: number;
  /** Distinct prompt texts that appear in more than one group: kept in each. */
  sharedAcrossGroups: number;
}

/** One domain's file: { group: { subject: [prompt, …] } }. */
export function parseBoldDomain(domain: BoldDomain, content: string): BoldPrompt[] {
  const groups = JSON.parse(content) as Record<string, Record<string, string[]>>;
  const prompts: BoldPrompt[] = [];
  for (const [group, subjects] of Object.entries(groups)) {
    for (const [subject, texts] of Object.entries(subjects)) {
      texts.forEach((text, index) => {
        prompts.push({
          id: `bold-${domain}-${group}-${subject}-${index}`,
          domain,
          group,
          subject,
          index,
          text,
        });
      });
    }
  }
  return prompts;
}

/**
 * Usable prompts and the traps met: empty prompts dropped; a text repeated within one group
 * kept once (its first occurrence); a text shared by several groups (the same Wikipedia
 * sentence under gender and race, or under two professions) kept in every group, since it
 * is a prompt of each — so the 'all' aggregates count such a text once per group.
 */
export function cleanBoldPrompts(raw: readonly BoldPrompt[]): {
  prompts: BoldPrompt[];
  traps: BoldTraps;
} {
  const prompts: BoldPrompt[] = [];
  const seenInGroup = new Set<string>();
  const groupsOfText = new Map<string, Set<string>>();
  let empty = 0;
  let repeatedInGroup = 0;
  for (const prompt of raw) {
    if (prompt.text.trim() === '') {
      empty += 1;
      continue;
    }
    const groupKey = `${prompt.domain}/${prompt.group}`;
    const key = `${groupKey}\u0000${prompt.text}`;
    if (seenInGroup.has(key)) {
      repeatedInGroup += 1;
      continue;
    }
    seenInGroup.add(key);
    const groups = groupsOfText.get(prompt.text) ?? new Set<string>();
    groups.add(groupKey);
    groupsOfText.set(prompt.text, groups);
    prompts.push(prompt);
  }
  const sharedAcrossGroups = [...groupsOfText.values()].filter((g) => g.size > 1).length;
  return { prompts, traps: { empty, repeatedInGroup, sharedAcrossGroups } };
}

export const boldPrompts = lazy(() =>
  cleanBoldPrompts(
    BOLD_DOMAINS.flatMap((domain) =>
      parseBoldDomain(domain, readPublicFile(`bold/${domain}_prompt.json`)),
    ),
  ),
);
