/**
 * TBX v3 / TBX-Basic writer (ISO 30042:2019, DCA style): `tbx/text/body/conceptEntry/langSec/termSec`.
 * Everything in our model is written: TBX-Basic categories where they exist (administrativeStatus,
 * partOfSpeech, termType, definition, context, subjectField, source, note, crossReference) and
 * `admin type="shuyu:…"` / a `shuyu:caseSensitive` note for what TBX-Basic has no category for, so that
 * reading our own file back gives the same glossary.
 */
import type { Concept, Glossary, Term } from '../../core/model.js';
import { languagesOf } from '../filter.js';
import type { FormatWarning, GlossaryWriteResult } from '../types.js';
import { INVALID_XML_CHARS as INVALID_XML } from '../xml-chars.js';
import { STATUS_TO_TBX } from './mapping.js';
import { CASE_SENSITIVE_NOTE, SHUYU_MARK } from './read.js';

const NAMESPACE = 'urn:iso:std:iso:30042:ed-2';
/** Extra keys written as real TBX elements (`admin:productSubset` → `<admin type="productSubset">`). */
const NATIVE_EXTRA = /^(admin|descrip|xref):([^\s:/]+)$/;

class XmlOut {
  parts: string[] = [];
  /** Encoded blocks: the text of a 100k-concept file never exists as one string beside its bytes. */
  readonly blocks: Buffer[] = [];
  invalidChars = 0;

  flush(): void {
    this.blocks.push(Buffer.from(this.parts.join(''), 'utf8'));
    this.parts = [];
  }

  esc(s: string): string {
    const cleaned = s.replace(INVALID_XML, () => {
      this.invalidChars++;
      return '';
    });
    return cleaned.replace(/[&<>"\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#13;'));
  }

  el(indent: string, name: string, attrs: Record<string, string | undefined>, text: string): void {
    const a = Object.entries(attrs)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => ` ${k}="${this.esc(v!)}"`)
      .join('');
    this.parts.push(`${indent}<${name}${a}>${this.esc(text)}</${name}>\n`);
  }

  raw(s: string): void {
    this.parts.push(s);
  }
}

function writeTerm(out: XmlOut, t: Term): void {
  const i = '          ';
  out.raw('        <termSec>\n');
  out.el(i, 'term', {}, t.text);
  out.el(i, 'termNote', { type: 'administrativeStatus' }, STATUS_TO_TBX[t.status]);
  if (t.partOfSpeech) out.el(i, 'termNote', { type: 'partOfSpeech' }, t.partOfSpeech);
  if (t.termType) out.el(i, 'termNote', { type: 'termType' }, t.termType);
  if (t.context !== undefined) out.el(i, 'descrip', { type: 'context' }, t.context);
  if (t.source !== undefined) out.el(i, 'admin', { type: 'source' }, t.source);
  if (t.note !== undefined) out.el(i, 'note', {}, t.note);
  if (t.caseSensitive) out.el(i, 'note', {}, CASE_SENSITIVE_NOTE);
  out.raw('        </termSec>\n');
}

function writeConcept(out: XmlOut, c: Concept): void {
  const i = '      ';
  out.raw(`    <conceptEntry id="${out.esc(c.id)}">\n`);
  if (c.subjectField !== undefined) out.el(i, 'descrip', { type: 'subjectField' }, c.subjectField);
  const termLangs = [...new Set(c.terms.map((t) => t.lang))];
  for (const [lang, text] of Object.entries(c.definitions)) {
    if (!termLangs.includes(lang)) out.el(i, 'descrip', { type: 'definition', 'xml:lang': lang }, text);
  }
  for (const note of c.notes) out.el(i, 'note', {}, note);
  if (c.source !== undefined) out.el(i, 'admin', { type: 'source' }, c.source);
  for (const id of c.related ?? []) out.el(i, 'ref', { type: 'crossReference', target: id }, id);
  for (const s of c.specs?.match ?? []) out.el(i, 'admin', { type: 'shuyu:match' }, s);
  for (const s of c.specs?.noMatch ?? []) out.el(i, 'admin', { type: 'shuyu:noMatch' }, s);
  const langExtras = new Map<string, [string, string][]>();
  for (const [key, value] of Object.entries(c.extra ?? {})) {
    const slash = key.indexOf('/');
    const scoped = slash > 0 ? key.slice(0, slash) : undefined;
    if (scoped && termLangs.includes(scoped) && NATIVE_EXTRA.test(key.slice(slash + 1))) {
      const list = langExtras.get(scoped) ?? [];
      list.push([key.slice(slash + 1), value]);
      langExtras.set(scoped, list);
      continue;
    }
    const native = NATIVE_EXTRA.exec(key);
    if (native) out.el(i, native[1]!, { type: native[2]! }, value);
    else out.el(i, 'admin', { type: `shuyu:extra:${key}` }, value);
  }
  for (const lang of termLangs) {
    out.raw(`      <langSec xml:lang="${out.esc(lang)}">\n`);
    const def = c.definitions[lang];
    if (def !== undefined) out.el('        ', 'descrip', { type: 'definition' }, def);
    for (const [key, value] of langExtras.get(lang) ?? []) {
      const m = NATIVE_EXTRA.exec(key)!;
      out.el('        ', m[1]!, { type: m[2]! }, value);
    }
    for (const t of c.terms) if (t.lang === lang) writeTerm(out, t);
    out.raw('      </langSec>\n');
  }
  out.raw('    </conceptEntry>\n');
}

/** Serialises a glossary as TBX v3 (TBX-Basic, DCA style), UTF-8 without BOM. */
export function writeTbx(glossary: Glossary): GlossaryWriteResult {
  const out = new XmlOut();
  const langs = languagesOf(glossary.concepts);
  const mainLang = langs.includes('en') ? 'en' : (langs[0] ?? 'en');
  out.raw('<?xml version="1.0" encoding="UTF-8"?>\n');
  out.raw(`<tbx type="TBX-Basic" style="dca" xml:lang="${out.esc(mainLang)}" xmlns="${NAMESPACE}">\n`);
  out.raw('  <tbxHeader>\n    <fileDesc>\n      <titleStmt>\n');
  out.el('        ', 'title', {}, glossary.name);
  out.el('        ', 'note', {}, `glossary-id: ${glossary.id}`);
  out.raw('      </titleStmt>\n      <publicationStmt>\n');
  out.el('        ', 'p', {}, SHUYU_MARK);
  out.raw('      </publicationStmt>\n');
  if (glossary.description) {
    out.raw('      <sourceDesc>\n');
    out.el('        ', 'p', {}, glossary.description);
    out.raw('      </sourceDesc>\n');
  }
  out.raw('    </fileDesc>\n  </tbxHeader>\n  <text>\n  <body>\n');
  glossary.concepts.forEach((c, i) => {
    writeConcept(out, c);
    if (i % 1000 === 999) out.flush();
  });
  out.raw('  </body>\n  </text>\n</tbx>\n');
  const warnings: FormatWarning[] = [];
  if (out.invalidChars) {
    warnings.push({ code: 'invalid_xml_chars', message: `${out.invalidChars} control characters that XML cannot hold were left out` });
  }
  out.flush();
  const bytes = Buffer.concat(out.blocks);
  return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), warnings };
}
