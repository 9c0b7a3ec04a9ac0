/**
 * Streaming TBX reader: TBX v3 (`tbx/conceptEntry/langSec/termSec`, DCA and DCT styles) and TBX v2 /
 * TBX 2008 (`martif/termEntry/langSet/tig|ntig`). saxes parses decoded chunks; each entry is collected
 * as a small element tree and turned into a concept when it closes, so memory stays flat in file size.
 * Unknown data categories are kept: at concept level in `extra`, at term level as note lines.
 * Hostile XML (entity declarations, external entities, deep nesting) is refused by parseXmlUnits.
 */
import { ShuyuError } from '../../core/errors.js';
import type { Concept, Term } from '../../core/model.js';
import { normalizeLang } from '../../core/lang.js';
import { parseXmlUnits, attr } from '../bilingual/xml.js';
import type { RawConcept } from '../collect.js';
import { ConceptCollector } from '../collect.js';
import { resolveLimits } from '../limits.js';
import type { FileInput, FormatWarning, GlossaryReadOptions, GlossaryReadResult } from '../types.js';
import { partOfSpeechFromTbx, statusFromTbx, termTypeFromTbx } from './mapping.js';

/** A captured XML element: children in document order (text pieces and elements). */
interface XNode {
  name: string;
  attrs: Record<string, string>;
  content: (string | XNode)[];
  line: number;
}

/** What the header told us (title, description, who wrote the file). */
export interface TbxHeader {
  version?: 2 | 3;
  rootLang: string;
  title?: string;
  description?: string;
  glossaryId?: string;
  /** Written by Shuyu: text is exact (no whitespace folding of pretty-printed foreign files). */
  ours: boolean;
}

type Item = { kind: 'entry'; node: XNode };

/** Marker text Shuyu writes in publicationStmt, so that its own files round-trip exactly. */
export const SHUYU_MARK = 'Exported by Shuyu';
/** Text of the term-level note that carries `caseSensitive` (TBX-Basic has no category for it). */
export const CASE_SENSITIVE_NOTE = 'shuyu:caseSensitive';

const GROUPS = new Set(['descripGrp', 'adminGrp', 'termGrp', 'termNoteGrp', 'transacGrp']);
const CATEGORY_ELEMENTS = new Set(['descrip', 'termNote', 'admin', 'xref', 'ref', 'note', 'descripNote', 'adminNote', 'transacNote', 'hi']);

function textOf(node: XNode): string {
  let s = '';
  for (const c of node.content) s += typeof c === 'string' ? c : textOf(c);
  return s;
}

function elements(node: XNode): XNode[] {
  return node.content.filter((c): c is XNode => typeof c !== 'string');
}

/** Children with `*Grp` wrappers (except transacGrp) opened up. */
function flat(node: XNode): XNode[] {
  const out: XNode[] = [];
  for (const c of elements(node)) {
    if (GROUPS.has(c.name) && c.name !== 'transacGrp') out.push(...flat(c));
    else out.push(c);
  }
  return out;
}

/** The data category of an element: `descrip type="definition"` → definition; DCT `<basic:definition>` → definition. */
function categoryOf(node: XNode): { elem: string; cat: string } {
  if (CATEGORY_ELEMENTS.has(node.name)) return { elem: node.name, cat: node.attrs.type ?? node.name };
  return { elem: 'dct', cat: node.name };
}

function langOf(node: XNode): string | undefined {
  return node.attrs['xml:lang'] ?? (Object.keys(node.attrs).length ? attr(node.attrs, 'xml:lang', 'lang') : undefined);
}

/** normalizeLang, cached: a 100k-entry file repeats the same few tags millions of times. */
const langCache = new Map<string, string>();
function normLang(tag: string): string {
  let v = langCache.get(tag);
  if (v === undefined) {
    v = normalizeLang(tag);
    if (langCache.size < 1000) langCache.set(tag, v);
  }
  return v;
}

/** Turns entry trees into raw concepts. */
class EntryConverter {
  transacSkipped = 0;
  emptyTerms = 0;
  constructor(
    private readonly header: TbxHeader,
    private readonly collector: ConceptCollector,
  ) {}

  private clean(text: string, isTerm = false): string {
    if (isTerm) return this.header.ours ? text.trim() : text.replace(/\s+/g, ' ').trim();
    return this.header.ours ? text : text.replace(/[ \t]*\r?\n\s*/g, ' ').trim();
  }

  convert(entry: XNode): RawConcept {
    const raw: RawConcept = { id: entry.attrs.id, definitions: {}, notes: [], terms: [], extra: {}, related: [] };
    const entryLang = langOf(entry) ?? this.header.rootLang;
    const addExtra = (key: string, value: string) => {
      raw.extra![key] = raw.extra![key] === undefined ? value : `${raw.extra![key]}\n${value}`;
    };
    for (const child of flat(entry)) {
      if (child.name === 'langSet' || child.name === 'langSec') {
        this.convertLang(child, raw, addExtra);
        continue;
      }
      if (child.name === 'transacGrp') {
        const t = transac(child);
        addExtra(`transacGrp:${t.type}`, t.value);
        continue;
      }
      const { elem, cat } = categoryOf(child);
      const text = this.clean(textOf(child));
      if (cat === 'definition') {
        const lang = normLang(langOf(child) ?? entryLang);
        raw.definitions[lang] = raw.definitions[lang] === undefined ? text : `${raw.definitions[lang]}\n${text}`;
      } else if (cat === 'subjectField') raw.subjectField = raw.subjectField ? `${raw.subjectField}; ${text}` : text;
      else if (cat === 'note') raw.notes.push(text);
      else if (cat === 'source') raw.source = raw.source ? `${raw.source}; ${text}` : text;
      else if (cat === 'shuyu:match') (raw.specs ??= {}).match = [...(raw.specs?.match ?? []), text];
      else if (cat === 'shuyu:noMatch') (raw.specs ??= {}).noMatch = [...(raw.specs?.noMatch ?? []), text];
      else if (cat.startsWith('shuyu:extra:')) addExtra(cat.slice('shuyu:extra:'.length), text);
      else if (cat === 'crossReference' && (child.attrs.target || text)) raw.related!.push((child.attrs.target || text).replace(/^#/, ''));
      else addExtra(`${elem === 'dct' ? child.name : elem}:${elem === 'dct' ? 'value' : cat}`, text);
    }
    raw.terms = groupByLanguage(raw.terms);
    return raw;
  }

  private convertLang(node: XNode, raw: RawConcept, addExtra: (k: string, v: string) => void): void {
    const tag = langOf(node);
    if (!tag) {
      this.collector.warn('no_language', `${node.name} without xml:lang skipped`, { line: node.line }, raw.id);
      return;
    }
    const lang = normLang(tag);
    const terms: Partial<Term>[] = [];
    for (const child of flat(node)) {
      if (child.name === 'tig' || child.name === 'ntig' || child.name === 'termSec') {
        const term = this.convertTerm(child, lang, raw);
        if (term) terms.push(term);
        continue;
      }
      if (child.name === 'transacGrp') {
        this.transacSkipped++;
        continue;
      }
      const { elem, cat } = categoryOf(child);
      const text = this.clean(textOf(child));
      if (cat === 'definition') raw.definitions[lang] = raw.definitions[lang] === undefined ? text : `${raw.definitions[lang]}\n${text}`;
      else if (cat === 'note') raw.notes.push(`${lang}: ${text}`);
      else addExtra(`${lang}/${elem === 'dct' ? child.name : elem}:${elem === 'dct' ? 'value' : cat}`, text);
    }
    raw.terms.push(...terms);
  }

  private convertTerm(node: XNode, lang: string, raw: RawConcept): Partial<Term> | undefined {
    const term: Partial<Term> = { lang };
    const notes: string[] = [];
    let hasTerm = false;
    for (const child of flat(node)) {
      if (child.name === 'term') {
        term.text = this.clean(textOf(child), true);
        hasTerm = true;
        continue;
      }
      if (child.name === 'transacGrp') {
        this.transacSkipped++;
        continue;
      }
      const { cat } = categoryOf(child);
      const value = this.clean(textOf(child));
      switch (cat) {
        case 'administrativeStatus': {
          const s = statusFromTbx(value);
          if (s) term.status = s;
          else {
            notes.push(`administrativeStatus: ${value}`);
            this.collector.warn('unknown_status', `unknown administrativeStatus "${value}" kept as a note`, { line: child.line }, raw.id);
          }
          break;
        }
        case 'partOfSpeech': {
          const p = partOfSpeechFromTbx(value);
          if (p) term.partOfSpeech = p;
          else notes.push(`partOfSpeech: ${value}`);
          break;
        }
        case 'termType': {
          const t = termTypeFromTbx(value);
          if (t) term.termType = t;
          else notes.push(`termType: ${value}`);
          break;
        }
        case 'context':
          term.context = term.context === undefined ? value : `${term.context}\n${value}`;
          break;
        case 'definition':
          if (raw.definitions[lang] === undefined) raw.definitions[lang] = value;
          else notes.push(`definition: ${value}`);
          break;
        case 'note':
          if (value === CASE_SENSITIVE_NOTE) term.caseSensitive = true;
          else notes.push(value);
          break;
        case 'source':
          term.source = term.source === undefined ? value : `${term.source}; ${value}`;
          break;
        default:
          notes.push(`${cat}: ${value}`);
      }
    }
    if (!hasTerm) {
      this.collector.warn('no_term', `${node.name} without a <term> skipped`, { line: node.line }, raw.id);
      return undefined;
    }
    if (term.text === '') {
      this.emptyTerms++; // `<term/>`: a placeholder for a missing translation (SDL MultiTerm writes these)
      return undefined;
    }
    if (notes.length) term.note = notes.join('\n');
    return term;
  }
}

/**
 * Terms grouped by language in first-seen order (a file may split one language over several langSets).
 * TBX without statuses: the first term of a language is its preferred term, the others admitted.
 */
function groupByLanguage(terms: Partial<Term>[]): Partial<Term>[] {
  const byLang = new Map<string, Partial<Term>[]>();
  for (const t of terms) {
    const list = byLang.get(t.lang!) ?? [];
    list.push(t);
    byLang.set(t.lang!, list);
  }
  const out: Partial<Term>[] = [];
  for (const list of byLang.values()) {
    const anyStatus = list.some((t) => t.status);
    list.forEach((t, i) => {
      if (!t.status) t.status = !anyStatus && i === 0 ? 'preferred' : 'admitted';
    });
    out.push(...list);
  }
  return out;
}

function transac(node: XNode): { type: string; value: string } {
  let type = 'transaction';
  const parts: string[] = [];
  for (const c of flat(node)) {
    const text = textOf(c).trim();
    if (c.name === 'transac') type = text || type;
    else if (c.name === 'date') parts.unshift(text);
    else if (text) parts.push(`(${text})`);
  }
  return { type, value: parts.join(' ') };
}

/**
 * Streams the concepts of a TBX file. `header` is filled in as the header is read (before the first
 * concept). Problems are collected in `collector` (call collector.throwIfProblems() at the end).
 */
export async function* streamTbxConcepts(
  input: FileInput,
  collector: ConceptCollector,
  header: TbxHeader,
  options: GlossaryReadOptions = {},
): AsyncIterable<Concept> {
  const limits = resolveLimits(options.limits);
  const converter = new EntryConverter(header, collector);
  let entries = 0;
  const items = parseXmlUnits<Item>(
    input,
    limits,
    (emit) => {
      const stack: XNode[] = [];
      let capturing = 0; // depth of the captured subtree (0 = not capturing)
      let depth = 0;
      let headerNode: XNode | undefined;
      return {
        open(name, attrs, line) {
          depth++;
          if (depth === 1) {
            if (name === 'martif') header.version = 2;
            else if (name === 'tbx') header.version = 3;
            else {
              throw new ShuyuError('unsupported_format', `${input.name} is not a TBX file (its root element is <${name}>, not <tbx> or <martif>)`, {
                params: { file: input.name, line },
              });
            }
            header.rootLang = attr(attrs, 'xml:lang', 'lang') ?? 'en';
            return;
          }
          const node: XNode = { name, attrs, content: [], line };
          if (capturing > 0) {
            stack[stack.length - 1]!.content.push(node);
            stack.push(node);
            capturing++;
          } else if (name === 'termEntry' || name === 'conceptEntry' || name === 'martifHeader' || name === 'tbxHeader') {
            stack.push(node);
            capturing = 1;
            if (name === 'martifHeader' || name === 'tbxHeader') headerNode = node;
          }
        },
        close(name) {
          depth--;
          if (capturing === 0) return;
          const node = stack.pop()!;
          capturing--;
          if (capturing > 0) return;
          if (node === headerNode) readHeader(node, header);
          else {
            emit({ kind: 'entry', node });
            void name;
          }
        },
        text(t) {
          if (capturing > 0) stack[stack.length - 1]!.content.push(t);
        },
      };
    },
    options.onProgress,
  );
  for await (const item of items) {
    entries++;
    const raw = converter.convert(item.node);
    const concept = collector.add(raw, { line: item.node.line });
    if (concept) yield concept;
  }
  if (converter.transacSkipped) {
    collector.warn('transactions_dropped', `${converter.transacSkipped} term-level transaction records (dates, authors) were not imported`);
  }
  if (converter.emptyTerms) collector.warn('empty_terms', `${converter.emptyTerms} empty <term/> placeholders (missing translations) were skipped`);
  if (entries === 0) collector.warn('no_entries', `${input.name} has no termEntry/conceptEntry`);
}

function readHeader(node: XNode, header: TbxHeader): void {
  const walk = (n: XNode, path: string[]): void => {
    for (const c of elements(n)) {
      const p = [...path, c.name];
      const text = textOf(c).trim();
      if (c.name === 'title' && !header.title) header.title = text;
      else if (c.name === 'p' && p.includes('sourceDesc')) header.description = header.description ? `${header.description}\n${text}` : text;
      else if (c.name === 'p' && p.includes('publicationStmt') && text === SHUYU_MARK) header.ours = true;
      else if (c.name === 'note' && p.includes('titleStmt') && text.startsWith('glossary-id: ')) header.glossaryId = text.slice('glossary-id: '.length);
      walk(c, p);
    }
  };
  walk(node, []);
}

/** Reads a whole TBX file into a glossary (all-or-nothing: every problem is reported together). */
export async function readTbx(input: FileInput, options: GlossaryReadOptions = {}): Promise<GlossaryReadResult> {
  const limits = resolveLimits(options.limits);
  const collector = new ConceptCollector(input.name, limits);
  const header: TbxHeader = { rootLang: 'en', ours: false };
  const concepts: Concept[] = [];
  for await (const c of streamTbxConcepts(input, collector, header, options)) concepts.push(c);
  const result = collector.finish(concepts, { id: header.glossaryId, name: header.title, description: header.description });
  const warnings: FormatWarning[] = result.warnings;
  return { glossary: result.glossary, warnings };
}
