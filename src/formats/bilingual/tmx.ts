/**
 * TMX 1.1 / 1.4 bilingual reader (streaming). Languages from `xml:lang` (1.4) or `lang` (1.1) in any
 * case (`ZH-CN`, `eN-uS`); the source is the header's `srclang` (or the override), the target the
 * override or the first other language seen. Inline `bpt ept ph it ut` are codes (one placeholder each,
 * their content is markup), `hi` is transparent. A `tu` without a target variant yields a unit without target.
 */
import { normalizeLang, sameLanguage } from '../../core/lang.js';
import type { BilingualFormat, BilingualInfo, BilingualReadOptions, BilingualUnit, FileInput, Segment } from '../types.js';
import { SegmentBuilder } from './segment.js';
import type { XmlHandler } from './xml.js';
import { attr, readXmlUnits, sniffXmlRoot, startTag } from './xml.js';

const CODES = new Set(['bpt', 'ept', 'ph', 'it', 'ut']);

interface Variant {
  lang: string;
  raw: string;
  segment: Segment;
}

/** Picks the variant for a language: exact normalised tag first, then same primary language. */
function pick(variants: Variant[], lang: string, exclude?: Variant): Variant | undefined {
  const pool = variants.filter((v) => v !== exclude);
  return pool.find((v) => v.lang === lang) ?? pool.find((v) => sameLanguage(v.lang, lang));
}

function tmxHandler(input: FileInput, options: BilingualReadOptions, info: BilingualInfo, emit: (u: BilingualUnit) => void): XmlHandler {
  let srcLang = options.sourceLang ? normalizeLang(options.sourceLang) : undefined;
  let tgtLang = options.targetLang ? normalizeLang(options.targetLang) : undefined;
  let tu: { id: string; line: number; variants: Variant[]; notes: string[] } | undefined;
  let tuvLang: string | undefined;
  let seg: SegmentBuilder | undefined;
  let nativeDepth = 0;
  let note: string[] | undefined;
  let n = 0;

  const finishTu = (): void => {
    if (!tu) return;
    const vs = tu.variants;
    if (vs.length === 0) return void (tu = undefined);
    const source = (srcLang ? pick(vs, srcLang) : undefined) ?? vs[0]!;
    srcLang ??= source.lang;
    if (!tgtLang) tgtLang = vs.find((v) => v !== source && v.lang !== source.lang)?.lang;
    const target = tgtLang ? pick(vs, tgtLang, source) : undefined;
    info.sourceLang ??= srcLang;
    if (tgtLang) info.targetLang ??= tgtLang;
    const u: BilingualUnit = {
      id: tu.id,
      file: input.name,
      line: tu.line,
      source: source.segment,
      sourceLang: srcLang,
      targetLang: tgtLang ?? (srcLang.startsWith('zh') ? 'en' : 'zh-Hans'),
    };
    if (target) u.target = target.segment;
    if (tu.notes.length) u.notes = tu.notes;
    emit(u);
    tu = undefined;
  };

  return {
    open(name, attrs, line) {
      if (seg) {
        if (nativeDepth > 0) {
          seg.appendMarkup(startTag(name, attrs));
          nativeDepth++;
        } else if (CODES.has(name)) {
          seg.code(startTag(name, attrs));
          nativeDepth = 1;
        }
        return;
      }
      if (note) return;
      switch (name) {
        case 'header': {
          const s = attr(attrs, 'srclang');
          if (!srcLang && s && s !== '*all*') srcLang = normalizeLang(s);
          return;
        }
        case 'tu':
          n++;
          tu = { id: attr(attrs, 'tuid') ?? String(n), line, variants: [], notes: [] };
          return;
        case 'tuv': {
          const raw = attr(attrs, 'xml:lang', 'lang') ?? '';
          tuvLang = raw;
          return;
        }
        case 'seg':
          if (tu && tuvLang !== undefined) seg = new SegmentBuilder();
          return;
        case 'note':
          if (tu) note = [];
          return;
        default:
          return;
      }
    },
    close(name) {
      if (seg) {
        if (name === 'seg' && nativeDepth === 0) {
          if (tu && tuvLang !== undefined) tu.variants.push({ lang: normalizeLang(tuvLang || 'und'), raw: tuvLang, segment: seg.build() });
          seg = undefined;
          return;
        }
        if (nativeDepth > 0) {
          nativeDepth--;
          seg.appendMarkup(`</${name}>`);
        }
        return;
      }
      if (note) {
        if (name === 'note') {
          tu?.notes.push(note.join('').trim());
          note = undefined;
        }
        return;
      }
      if (name === 'tuv') tuvLang = undefined;
      else if (name === 'tu') finishTu();
    },
    text(t) {
      if (seg) {
        if (nativeDepth > 0) seg.appendMarkup(t.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
        else seg.text(t);
      } else if (note) note.push(t);
    },
  };
}

/** TMX 1.1 / 1.4 reader. */
export const tmxFormat: BilingualFormat = {
  kind: 'bilingual',
  id: 'tmx',
  name: 'TMX 1.1 / 1.4',
  extensions: ['tmx'],
  mediaTypes: ['application/x-tmx+xml'],
  sniff: (head) => sniffXmlRoot(head, 'tmx'),
  readUnits: (inputs: FileInput[], options: BilingualReadOptions = {}) => readXmlUnits(inputs, options, tmxHandler),
};
