/**
 * A small, predictable English singulariser for the last word of a candidate (export controls → export
 * control, policies → policy, analyses → analysis). Acronyms (GPUs → GPU), uncountable and Latin-looking
 * words (data, analysis, physics, status) are handled so that grouping never invents a wrong lemma.
 */
const INVARIANT = new Set(
  (
    'data news series species means physics economics politics analytics ethics statistics mathematics logistics ' +
    'status bus gas lens plus bonus campus census corpus virus focus consensus apparatus nexus radius chaos ' +
    'this its his us yes thus less ness was has is as always perhaps across'
  ).split(' '),
);

const IRREGULAR: Record<string, string> = {
  people: 'person',
  children: 'child',
  men: 'man',
  women: 'woman',
  criteria: 'criterion',
  phenomena: 'phenomenon',
  indices: 'index',
  matrices: 'matrix',
  analyses: 'analysis',
  hypotheses: 'hypothesis',
  crises: 'crisis',
  bases: 'basis',
  theses: 'thesis',
  diagnoses: 'diagnosis',
};

function keepCase(original: string, lower: string): string {
  return original[0] === original[0]?.toUpperCase() ? lower.charAt(0).toUpperCase() + lower.slice(1) : lower;
}

/** The singular of one English word; returns the word unchanged when unsure. */
export function singularizeWord(word: string): string {
  if (/^\p{Lu}[\p{Lu}\d]*s$/u.test(word) && word.length >= 3) return word.slice(0, -1); // GPUs → GPU
  if (/\p{Lu}{2}/u.test(word) || word.length < 4) return word;
  const lower = word.toLowerCase();
  const hyphen = lower.lastIndexOf('-');
  if (hyphen > 0) return word.slice(0, hyphen + 1) + singularizeWord(word.slice(hyphen + 1));
  if (INVARIANT.has(lower) || /(?:ss|us|is|ics|ous)$/.test(lower)) return word;
  const irregular = IRREGULAR[lower];
  if (irregular) return keepCase(word, irregular);
  let s = lower;
  if (/[^aeiou]ies$/.test(lower)) s = `${lower.slice(0, -3)}y`;
  else if (/(?:ches|shes|sses|xes|zzes)$/.test(lower)) s = lower.slice(0, -2);
  else if (/s$/.test(lower) && !/[su]s$/.test(lower)) s = lower.slice(0, -1);
  if (s === lower) return word;
  let common = 0;
  while (common < s.length && s[common] === lower[common]) common++;
  return word.slice(0, common) + s.slice(common);
}

/** Singular of the last word of an English candidate (the head noun): `Data Centers` → `Data Center`. */
export function singularizePhrase(parts: readonly string[]): string[] {
  if (parts.length === 0) return [];
  const out = parts.slice();
  out[out.length - 1] = singularizeWord(out[out.length - 1]!);
  return out;
}
