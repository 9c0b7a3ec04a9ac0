/**
 * Our glossary source format (glossary/*.yaml, docs/glossary-format.md): top-level id, name, description,
 * languages and concepts[], each concept in the shape of the Concept model. Reading reports every problem
 * with file, line and concept id; writing uses a stable key order, one flow-style line per term and flow
 * lists for languages and related ids (the style of the files under glossary/).
 */
import { Document, LineCounter, isMap, isSeq, parseDocument } from 'yaml';
import { resolveLimits } from './limits.js';
import { decodeText } from './decode.js';
import { readInputBytes } from './input.js';
import { glossaryFromObject, orderedConcept, orderedHeader, parseError, yamlLocator } from './glossary-object.js';
import type { FileInput, GlossaryFormat, GlossaryReadOptions, GlossaryReadResult, GlossaryWriteResult } from './types.js';
import type { Glossary } from '../core/model.js';

export const YAML_TOP_KEYS = ['$schema', 'id', 'name', 'description', 'languages', 'concepts'] as const;

/** Parses glossary YAML text; `file` names the source in every message. */
export function parseGlossaryYaml(text: string, file: string, options: GlossaryReadOptions = {}): GlossaryReadResult {
  const limits = resolveLimits(options.limits);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length) {
    const details = doc.errors.slice(0, limits.maxErrors).map((e) => {
      const pos = e.linePos?.[0];
      return { message: e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''), file, ...(pos ? { line: pos.line, column: pos.col } : {}) };
    });
    const first = details[0]!;
    throw parseError(file, first.message, { line: first.line, column: first.column }, details);
  }
  // maxAliasCount guards against "billion laughs" alias expansion.
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  const { glossary, warnings } = glossaryFromObject(data, {
    file,
    topKeys: YAML_TOP_KEYS,
    locate: yamlLocator(doc, lineCounter),
    maxErrors: limits.maxErrors,
  });
  for (const w of doc.warnings) {
    const pos = w.linePos?.[0];
    warnings.push({ code: 'yaml_warning', message: w.message.split('\n')[0]!, file, ...(pos ? { line: pos.line } : {}) });
  }
  return { glossary, warnings };
}

/** Writes a glossary as glossary YAML (UTF-8, stable key order, terms as one-line flow maps). */
export function stringifyGlossaryYaml(glossary: Glossary): string {
  const doc = new Document({ ...orderedHeader(glossary), concepts: glossary.concepts.map(orderedConcept) });
  const languages = doc.get('languages', true);
  if (isSeq(languages)) languages.flow = true;
  const concepts = doc.get('concepts', true);
  if (isSeq(concepts)) {
    for (const c of concepts.items) {
      if (!isMap(c)) continue;
      const terms = c.get('terms', true);
      if (isSeq(terms)) for (const t of terms.items) if (isMap(t)) t.flow = true;
      const related = c.get('related', true);
      if (isSeq(related)) related.flow = true;
    }
  }
  return doc.toString({ lineWidth: 0, indentSeq: true });
}

export const glossaryYamlFormat: GlossaryFormat = {
  kind: 'glossary',
  id: 'shuyu-yaml',
  name: 'Shuyu glossary YAML',
  extensions: ['yaml', 'yml'],
  mediaTypes: ['application/yaml', 'text/yaml'],
  cannotHold: [],
  sniff(head) {
    const text = new TextDecoder().decode(head.subarray(0, 2048));
    return /^(?:id|concepts):/m.test(text);
  },
  async read(input: FileInput, options?: GlossaryReadOptions): Promise<GlossaryReadResult> {
    const bytes = await readInputBytes(input, resolveLimits(options?.limits));
    return parseGlossaryYaml(decodeText(bytes, input.name), input.name, options);
  },
  async write(glossary: Glossary): Promise<GlossaryWriteResult> {
    return { bytes: new TextEncoder().encode(stringifyGlossaryYaml(glossary)), warnings: [] };
  },
};
