/**
 * TBX data-category values ↔ our model. administrativeStatus (TBX-Basic picklist, plus legacy values
 * seen in the wild), partOfSpeech and termType picklists (with common non-Basic values mapped).
 */
import type { PartOfSpeech, TermStatus, TermType } from '../../core/model.js';

/**
 * Our status → TBX-Basic administrativeStatus. TBX-Basic has four values and so do we: `forbidden` is
 * TBX's deprecatedTerm (do not use), our milder `deprecated` is supersededTerm (no longer used).
 */
export const STATUS_TO_TBX: Record<TermStatus, string> = {
  preferred: 'preferredTerm-admn-sts',
  admitted: 'admittedTerm-admn-sts',
  deprecated: 'supersededTerm-admn-sts',
  forbidden: 'deprecatedTerm-admn-sts',
};

const STATUS_FROM_TBX: Record<string, TermStatus> = {
  'preferredterm-admn-sts': 'preferred',
  'admittedterm-admn-sts': 'admitted',
  'supersededterm-admn-sts': 'deprecated',
  'deprecatedterm-admn-sts': 'forbidden',
  // legacy and tool-specific values (Weblate: forbidden/obsolete = forbidden; TBX 2008 normative values)
  preferredterm: 'preferred',
  preferred: 'preferred',
  'standardizedterm-admn-sts': 'preferred',
  standardizedterm: 'preferred',
  'normativeauthorization-admn-sts': 'preferred',
  admittedterm: 'admitted',
  admitted: 'admitted',
  'proposedterm-admn-sts': 'admitted',
  'legalterm-admn-sts': 'admitted',
  'regulatedterm-admn-sts': 'admitted',
  supersededterm: 'deprecated',
  superseded: 'deprecated',
  deprecated: 'deprecated',
  deprecatedterm: 'forbidden',
  obsolete: 'forbidden',
  forbidden: 'forbidden',
  'forbiddenterm-admn-sts': 'forbidden',
  notrecommended: 'deprecated',
};

/** A TBX status value (any case) → our status, or undefined when unknown. */
export function statusFromTbx(value: string): TermStatus | undefined {
  return STATUS_FROM_TBX[value.trim().toLowerCase().replace(/\s+/g, '')];
}

const POS: Record<string, PartOfSpeech> = {
  noun: 'noun',
  n: 'noun',
  nom: 'noun',
  substantive: 'noun',
  'proper noun': 'noun',
  propernoun: 'noun',
  'noun phrase': 'noun',
  verb: 'verb',
  v: 'verb',
  verbe: 'verb',
  adjective: 'adjective',
  adj: 'adjective',
  adjectif: 'adjective',
  adverb: 'adverb',
  adv: 'adverb',
  adverbe: 'adverb',
  other: 'other',
};

export function partOfSpeechFromTbx(value: string): PartOfSpeech | undefined {
  return POS[value.trim().toLowerCase()];
}

const TERM_TYPE: Record<string, TermType> = {
  fullform: 'fullForm',
  acronym: 'acronym',
  initialism: 'acronym',
  abbreviation: 'abbreviation',
  shortform: 'shortForm',
  clippedterm: 'shortForm',
  variant: 'variant',
  phrase: 'phrase',
  phraseologicalunit: 'phrase',
  synonymousphrase: 'phrase',
};

export function termTypeFromTbx(value: string): TermType | undefined {
  return TERM_TYPE[value.trim().toLowerCase()];
}
