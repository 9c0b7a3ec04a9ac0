/**
 * Columns of glossary spreadsheets (XLSX, CSV/TSV, XLS/ODS): what each column holds, the header names
 * we write, and the header names we recognise on import in English or Chinese (`zh`, `中文`, `zh-CN`,
 * `English`, `en-US`, `英文`, `术语`, `定义`, `Definition (en)`, `英文定义` …). An explicit mapping
 * (`header → field`, field syntax `zh`, `en`, `definition:en`, `status`, `ignore`) overrides recognition.
 */
import { ShuyuError } from '../../core/errors.js';
import { normalizeLang } from '../../core/lang.js';

/** Per-language fields (about a language's main term, or all its terms in the term layout). */
export const LANG_FIELDS = [
  'term',
  'synonyms',
  'status',
  'synonymStatuses',
  'synonymCaseSensitive',
  'partOfSpeech',
  'termType',
  'caseSensitive',
  'pinyin',
  'definition',
  'context',
  'note',
  'termSource',
] as const;
export type LangField = (typeof LANG_FIELDS)[number];

/** Concept-level fields (and `lang` for the term layout, `ignore` for skipped columns). */
export const CONCEPT_FIELDS = ['id', 'subjectField', 'notes', 'source', 'related', 'lang', 'ignore'] as const;
export type ConceptField = (typeof CONCEPT_FIELDS)[number];

/** What one column holds. `lang` is absent for concept fields and for term-layout columns. */
export interface Column {
  field: LangField | ConceptField;
  lang?: string;
}

/** English header words for each field, as written on export (and recognised on import). */
export const FIELD_LABELS: Record<LangField | ConceptField, string> = {
  term: 'term',
  synonyms: 'synonyms',
  status: 'status',
  synonymStatuses: 'synonym statuses',
  synonymCaseSensitive: 'synonyms case sensitive',
  partOfSpeech: 'part of speech',
  termType: 'term type',
  caseSensitive: 'case sensitive',
  pinyin: 'pinyin',
  definition: 'definition',
  context: 'context',
  note: 'note',
  termSource: 'term source',
  id: 'id',
  subjectField: 'subject field',
  notes: 'notes',
  source: 'source',
  related: 'related',
  lang: 'language',
  ignore: 'ignore',
};

/** Chinese column descriptions used on the description sheet and in docs. */
export const FIELD_LABELS_ZH: Record<LangField | ConceptField, string> = {
  term: '术语',
  synonyms: '同义词',
  status: '状态',
  synonymStatuses: '同义词状态',
  synonymCaseSensitive: '同义词区分大小写',
  partOfSpeech: '词性',
  termType: '术语类型',
  caseSensitive: '区分大小写',
  pinyin: '拼音',
  definition: '定义',
  context: '语境',
  note: '备注',
  termSource: '术语来源',
  id: '编号',
  subjectField: '领域',
  notes: '概念备注',
  source: '来源',
  related: '相关概念',
  lang: '语言',
  ignore: '忽略',
};

/** Header words → field (lower-case, spaces collapsed). */
const FIELD_WORDS: Record<string, LangField | ConceptField> = {
  term: 'term',
  terms: 'term',
  术语: 'term',
  術語: 'term',
  词条: 'term',
  詞條: 'term',
  词汇: 'term',
  詞彙: 'term',
  译文: 'term',
  译法: 'term',
  synonyms: 'synonyms',
  synonym: 'synonyms',
  variants: 'synonyms',
  alternatives: 'synonyms',
  同义词: 'synonyms',
  同義詞: 'synonyms',
  近义词: 'synonyms',
  其他译法: 'synonyms',
  status: 'status',
  usage: 'status',
  'usage status': 'status',
  状态: 'status',
  狀態: 'status',
  'synonym statuses': 'synonymStatuses',
  'synonym status': 'synonymStatuses',
  同义词状态: 'synonymStatuses',
  'synonyms case sensitive': 'synonymCaseSensitive',
  'synonym case sensitive': 'synonymCaseSensitive',
  'synonyms match case': 'synonymCaseSensitive',
  同义词区分大小写: 'synonymCaseSensitive',
  'part of speech': 'partOfSpeech',
  pos: 'partOfSpeech',
  词性: 'partOfSpeech',
  詞性: 'partOfSpeech',
  'term type': 'termType',
  术语类型: 'termType',
  'case sensitive': 'caseSensitive',
  'match case': 'caseSensitive',
  区分大小写: 'caseSensitive',
  pinyin: 'pinyin',
  拼音: 'pinyin',
  definition: 'definition',
  definitions: 'definition',
  定义: 'definition',
  定義: 'definition',
  释义: 'definition',
  釋義: 'definition',
  context: 'context',
  example: 'context',
  'example sentence': 'context',
  语境: 'context',
  例句: 'context',
  上下文: 'context',
  note: 'note',
  'term note': 'note',
  comment: 'note',
  备注: 'note',
  備註: 'note',
  注释: 'note',
  说明: 'note',
  'term source': 'termSource',
  术语来源: 'termSource',
  id: 'id',
  'concept id': 'id',
  'entry id': 'id',
  编号: 'id',
  編號: 'id',
  'subject field': 'subjectField',
  subject: 'subjectField',
  domain: 'subjectField',
  领域: 'subjectField',
  領域: 'subjectField',
  学科: 'subjectField',
  专业: 'subjectField',
  notes: 'notes',
  'concept notes': 'notes',
  comments: 'notes',
  概念备注: 'notes',
  source: 'source',
  来源: 'source',
  出处: 'source',
  related: 'related',
  'see also': 'related',
  相关概念: 'related',
  language: 'lang',
  lang: 'lang',
  语言: 'lang',
  語言: 'lang',
  ignore: 'ignore',
  忽略: 'ignore',
};

/** Language words → tag. Plain BCP 47 tags (`en-US`, `zh-CN`, `fr`) are recognised separately. */
const LANG_WORDS: Record<string, string> = {
  chinese: 'zh-Hans',
  'simplified chinese': 'zh-Hans',
  'chinese (simplified)': 'zh-Hans',
  'traditional chinese': 'zh-Hant',
  'chinese (traditional)': 'zh-Hant',
  中文: 'zh-Hans',
  汉语: 'zh-Hans',
  漢語: 'zh-Hant',
  简体: 'zh-Hans',
  简体中文: 'zh-Hans',
  中文简体: 'zh-Hans',
  繁体: 'zh-Hant',
  繁體: 'zh-Hant',
  繁体中文: 'zh-Hant',
  繁體中文: 'zh-Hant',
  中文繁體: 'zh-Hant',
  english: 'en',
  英文: 'en',
  英语: 'en',
  英語: 'en',
  french: 'fr',
  法文: 'fr',
  法语: 'fr',
  german: 'de',
  德文: 'de',
  德语: 'de',
  japanese: 'ja',
  日文: 'ja',
  日语: 'ja',
};

/** Two-letter codes we accept as a bare language header (`fr` is a language, `id` is not). */
const BCP47 = /^[a-z]{2}(?:[-_](?:[a-z]{4}|[a-z]{2}|\d{3}))*$|^[a-z]{2,3}(?:[-_](?:[a-z]{4}|[a-z]{2}|\d{3}))+$/i;
const NOT_LANG = new Set(['id', 'no', 'pos', 'lang', 'term']);

function cleanHeader(h: string): string {
  return h
    .normalize('NFKC')
    .replace(/[\u200B\uFEFF]/g, '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

function langOfWord(w: string): string | undefined {
  if (LANG_WORDS[w]) return LANG_WORDS[w];
  if (BCP47.test(w) && !NOT_LANG.has(w)) return normalizeLang(w);
  return undefined;
}

const CJK = /[\u3400-\u9fff]/;
/** Fields that, without a language, apply to the main term of every language on the row. */
const ROW_WIDE = new Set<string>(['status', 'partOfSpeech', 'termType', 'caseSensitive']);

/** Whether a header is written in Chinese (an unlanguaged Chinese field name means a Chinese field). */
function defaultLangOf(header: string): string {
  return CJK.test(header) ? 'zh-Hans' : 'en';
}

/**
 * Recognises one header. Accepted shapes: `<lang>` (term), `<field>` (concept field, or a language field
 * whose language follows the header's script: `定义` → zh-Hans, `Definition` → en), `<lang> <field>`,
 * `<field> (<lang>)`, `<field>:<lang>`, `<lang>-<field>`, Chinese `<lang><field>` (`英文定义`).
 * `termLayout` makes a bare `term`/`status`… a term-layout column (language taken from the `language` column).
 */
export function recognizeHeader(header: string, termLayout = false): Column | undefined {
  const h = cleanHeader(header);
  if (h === '') return undefined;
  const whole = FIELD_WORDS[h];
  if (whole) return fieldColumn(whole, termLayout || ROW_WIDE.has(whole) ? undefined : defaultLangOf(header));
  const lang = langOfWord(h);
  if (lang) return { field: 'term', lang };
  // `<field>:<lang>` / `<lang>:<field>` and `<field> (<lang>)`
  const pairs: [string, string][] = [];
  let m = /^(.+?)\s*[:：]\s*(.+)$/.exec(h);
  if (m) pairs.push([m[1]!, m[2]!], [m[2]!, m[1]!]);
  m = /^(.+?)\s*[(（\[]\s*(.+?)\s*[)）\]]$/.exec(h);
  if (m) pairs.push([m[1]!, m[2]!], [m[2]!, m[1]!]);
  // `<lang> <field>` or `<field> <lang>`, split at every space or hyphen
  for (let i = 0; i < h.length; i++) {
    if (h[i] === ' ' || h[i] === '-' || h[i] === '_') {
      const a = h.slice(0, i).trim();
      const b = h.slice(i + 1).trim();
      pairs.push([b, a], [a, b]);
    }
  }
  // Chinese compounds without a separator: 英文定义, 中文术语, 定义英文
  for (const w of Object.keys(LANG_WORDS)) {
    if (!CJK.test(w)) continue;
    if (h.startsWith(w) && h.length > w.length) pairs.push([h.slice(w.length), w]);
    if (h.endsWith(w) && h.length > w.length) pairs.push([h.slice(0, -w.length), w]);
  }
  for (const [fieldWord, langWord] of pairs) {
    const field = FIELD_WORDS[fieldWord.trim()];
    const l = langOfWord(langWord.trim());
    if (field && l && (LANG_FIELDS as readonly string[]).includes(field)) return { field, lang: l };
  }
  return undefined;
}

function fieldColumn(field: LangField | ConceptField, lang: string | undefined): Column {
  if ((LANG_FIELDS as readonly string[]).includes(field)) return lang ? { field, lang } : { field };
  return { field };
}

/** Parses an explicit mapping target: `zh`, `en-US`, `definition:en`, `en definition`, `status`, `ignore`. */
export function parseFieldSpec(spec: string, termLayout = false): Column {
  const col = recognizeHeader(spec, termLayout);
  if (col) {
    // An explicit `status` without a language applies to every language (concept layout) or to the row's language.
    return col;
  }
  throw new ShuyuError('usage', `Unknown column mapping target "${spec}" (use a language such as zh or en, or field:lang such as definition:en, or one of ${[...CONCEPT_FIELDS, ...LANG_FIELDS].join(', ')})`, {
    params: { mapping: spec },
  });
}

/** The header we write for a column: `zh-Hans`, `en synonyms`, `subject field`. */
export function headerFor(col: Column): string {
  if (col.lang === undefined) return FIELD_LABELS[col.field];
  return col.field === 'term' ? col.lang : `${col.lang} ${FIELD_LABELS[col.field]}`;
}

/** Chinese description of a column (`中文 同义词`), for the description sheet. */
export function chineseLabelFor(col: Column): string {
  const langName = col.lang === undefined ? '' : col.lang.startsWith('zh-Hant') ? '繁体中文' : col.lang.startsWith('zh') ? '中文' : col.lang.startsWith('en') ? '英文' : col.lang;
  return `${langName}${FIELD_LABELS_ZH[col.field]}`;
}

/** What a column holds, in one English sentence (description sheet, docs). */
export function describeColumn(col: Column, layout: 'concept' | 'term'): string {
  const l = col.lang ?? (layout === 'term' ? "the row's language" : 'each language');
  switch (col.field) {
    case 'term':
      return layout === 'term' ? 'The term.' : `The main (first) term in ${l}.`;
    case 'synonyms':
      return `Other terms in ${l}, separated by | (write \\| for a literal bar).`;
    case 'status':
      return `Usage status of the ${layout === 'term' ? 'term' : `main ${l} term`}: preferred, admitted, deprecated or forbidden.`;
    case 'synonymStatuses':
      return `Statuses of the ${l} synonyms, in the same order, separated by |.`;
    case 'synonymCaseSensitive':
      return `For each ${l} synonym, in the same order and separated by |: yes when it only matches with the same letter case (CHIPS the act, not chips), empty otherwise.`;
    case 'partOfSpeech':
      return 'Part of speech: noun, verb, adjective, adverb or other.';
    case 'termType':
      return 'Term type: fullForm, acronym, abbreviation, shortForm, variant or phrase.';
    case 'caseSensitive':
      return 'yes when the term only matches with the same letter case (acronyms such as AI).';
    case 'pinyin':
      return 'Pinyin of the Chinese term (derived; ignored on import).';
    case 'definition':
      return `Definition of the concept in ${l}.`;
    case 'context':
      return 'A sentence that shows the term in use.';
    case 'note':
      return 'Note about the term.';
    case 'termSource':
      return 'Where the term comes from.';
    case 'id':
      return 'Stable concept id (letters, digits, . _ : -). Rows of the same concept share it in the one-row-per-term layout.';
    case 'subjectField':
      return 'Subject field (domain) of the concept.';
    case 'notes':
      return 'Notes about the concept, separated by |.';
    case 'source':
      return 'Where the concept comes from (document, standard, person).';
    case 'related':
      return 'Ids of related concepts, separated by |.';
    case 'lang':
      return 'Language of the term on this row (BCP 47: zh-Hans, en …).';
    case 'ignore':
      return 'Ignored.';
  }
}
