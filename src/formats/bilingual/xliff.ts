/**
 * XLIFF 1.2 and 2.x bilingual reader (streaming). 1.2: `file/body/(group/)trans-unit` with source/target,
 * inline `<g>` (paired: placeholders at start and end, content stays text), `<x/> <bx/> <ex/>` and
 * `<ph> <bpt> <ept> <it>` (native code: one placeholder each), `<mrk>` transparent, `alt-trans` ignored,
 * notes, `state`. 2.x: `file/(group/)unit/segment|ignorable` (segments of a unit joined into one unit),
 * `<pc>` paired, `<ph/> <sc/> <ec/>` placeholders, `<cp hex>` characters, `<mrk> <sm/> <em/>` transparent.
 */
import { normalizeLang } from '../../core/lang.js';
import type { BilingualFormat, BilingualInfo, BilingualReadOptions, BilingualUnit, FileInput, Segment } from '../types.js';
import { SegmentBuilder } from './segment.js';
import type { XmlHandler } from './xml.js';
import { attr, readXmlUnits, sniffXmlRoot, startTag } from './xml.js';

const V1_EMPTY_CODES = new Set(['x', 'bx', 'ex']);
const V1_NATIVE_CODES = new Set(['ph', 'bpt', 'ept', 'it']);
const V2_EMPTY_CODES = new Set(['ph', 'sc', 'ec']);

interface Capture {
  builder: SegmentBuilder;
  /** Depth of native-code elements being captured as markup (their content is code, not text). */
  nativeDepth: number;
}

function langsFrom(options: BilingualReadOptions, fileSrc: string | undefined, fileTgt: string | undefined): { sourceLang: string; targetLang: string } {
  return {
    sourceLang: normalizeLang(options.sourceLang ?? fileSrc ?? 'en'),
    targetLang: normalizeLang(options.targetLang ?? fileTgt ?? 'zh-Hans'),
  };
}

/** Builds the XLIFF state machine for one input. */
function xliffHandler(input: FileInput, options: BilingualReadOptions, info: BilingualInfo, emit: (u: BilingualUnit) => void): XmlHandler {
  let version = 1;
  let fileSrc: string | undefined;
  let fileTgt: string | undefined;
  let part: string | undefined;
  let skipDepth = 0; // inside alt-trans / originalData / metadata: ignore everything
  let unit:
    | { id: string; line: number; state?: string; notes: string[]; source: SegmentBuilder; target?: SegmentBuilder; sawTarget: boolean; name?: string }
    | undefined;
  let capture: Capture | undefined;
  let ignorable = false;
  let segTargetSeen = false;
  let segSource: SegmentBuilder | undefined;
  let segTarget: SegmentBuilder | undefined;
  let note: string[] | undefined;
  let anon = 0;

  const langs = () => langsFrom(options, fileSrc, fileTgt);

  const finishUnit = (): void => {
    if (!unit) return;
    const { sourceLang, targetLang } = langs();
    info.sourceLang ??= sourceLang;
    info.targetLang ??= targetLang;
    const u: BilingualUnit = {
      id: unit.id,
      file: input.name,
      line: unit.line,
      source: unit.source.build(),
      sourceLang,
      targetLang,
    };
    if (unit.sawTarget && unit.target) u.target = unit.target.build();
    if (unit.notes.length) u.notes = unit.notes;
    if (unit.state) u.state = unit.state;
    if (part) u.part = part;
    emit(u);
    unit = undefined;
  };

  const openInline = (name: string, attrs: Record<string, string>): void => {
    const c = capture!;
    if (c.nativeDepth > 0) {
      c.builder.appendMarkup(startTag(name, attrs));
      c.nativeDepth++;
      return;
    }
    if (version === 1) {
      if (name === 'g') c.builder.code(startTag(name, attrs));
      else if (V1_EMPTY_CODES.has(name)) c.builder.code(startTag(name, attrs, true));
      else if (V1_NATIVE_CODES.has(name)) {
        c.builder.code(startTag(name, attrs));
        c.nativeDepth = 1;
      }
      // mrk, sub and unknown elements: transparent
    } else {
      if (name === 'pc') c.builder.code(startTag(name, attrs));
      else if (V2_EMPTY_CODES.has(name)) {
        c.builder.code(startTag(name, attrs));
        c.nativeDepth = 1; // non-standard content inside <sc>…</sc> (seen in real files) is markup
      } else if (name === 'cp') {
        const cp = Number.parseInt(attrs.hex ?? '', 16);
        if (Number.isFinite(cp)) c.builder.text(String.fromCodePoint(cp));
      }
      // mrk, sm, em: transparent
    }
  };

  const closeInline = (name: string): void => {
    const c = capture!;
    if (c.nativeDepth > 0) {
      c.nativeDepth--;
      c.builder.appendMarkup(`</${name}>`);
      return;
    }
    if ((version === 1 && name === 'g') || (version === 2 && name === 'pc')) c.builder.code(`</${name}>`);
  };

  return {
    open(name, attrs, line) {
      if (skipDepth > 0) {
        skipDepth++;
        return;
      }
      if (capture) return openInline(name, attrs);
      if (note) return;
      switch (name) {
        case 'xliff': {
          const v = attrs.version ?? '';
          const ns = attrs.xmlns ?? '';
          version = v.startsWith('2') || /xliff:document:2/.test(ns) ? 2 : 1;
          if (version === 2) {
            fileSrc = attrs.srcLang;
            fileTgt = attrs.trgLang;
          }
          return;
        }
        case 'file':
          if (version === 1) {
            fileSrc = attr(attrs, 'source-language') ?? fileSrc;
            fileTgt = attr(attrs, 'target-language') ?? fileTgt;
            part = attrs.original;
          } else part = attrs.original ?? attrs.id;
          return;
        case 'alt-trans':
        case 'originalData':
        case 'metadata':
        case 'glossary':
        case 'seg-source':
          if (unit || name !== 'metadata') skipDepth = 1;
          return;
        case 'trans-unit':
        case 'unit':
          unit = {
            id: attrs.id ?? attrs.resname ?? attrs.name ?? `#${++anon}`,
            line,
            notes: [],
            source: new SegmentBuilder(),
            sawTarget: false,
          };
          if (version === 1 && attrs.approved === 'yes') unit.state = 'approved';
          return;
        case 'segment':
        case 'ignorable':
          ignorable = name === 'ignorable';
          segSource = undefined;
          segTarget = undefined;
          segTargetSeen = false;
          if (unit && name === 'segment' && attrs.state) unit.state = attrs.state;
          return;
        case 'source':
          if (!unit) return;
          if (version === 1) capture = { builder: unit.source, nativeDepth: 0 };
          else capture = { builder: (segSource = new SegmentBuilder()), nativeDepth: 0 };
          return;
        case 'target':
          if (!unit) return;
          if (version === 1) {
            unit.sawTarget = true;
            unit.target = new SegmentBuilder();
            if (attrs.state) unit.state = attrs.state;
            capture = { builder: unit.target, nativeDepth: 0 };
          } else {
            segTargetSeen = true;
            capture = { builder: (segTarget = new SegmentBuilder()), nativeDepth: 0 };
          }
          return;
        case 'note':
          if (unit) note = [];
          return;
        default:
          return;
      }
    },
    close(name) {
      if (skipDepth > 0) {
        skipDepth--;
        return;
      }
      if (capture) {
        if ((name === 'source' || name === 'target') && capture.nativeDepth === 0) {
          capture = undefined;
          return;
        }
        return closeInline(name);
      }
      if (note) {
        if (name === 'note') {
          unit?.notes.push(note.join('').trim());
          note = undefined;
        }
        return;
      }
      if (name === 'segment' || name === 'ignorable') {
        if (!unit) return;
        const src: Segment = segSource?.build() ?? { text: '', codes: [] };
        unit.source.segment(src);
        if (segTargetSeen && segTarget) {
          unit.target ??= new SegmentBuilder();
          unit.target.segment(segTarget.build());
          if (!ignorable) unit.sawTarget = true;
        } else {
          // an ignorable without target keeps its source text; a segment without target leaves a gap
          unit.target ??= new SegmentBuilder();
          if (ignorable) unit.target.segment(src);
        }
        return;
      }
      if (name === 'trans-unit' || name === 'unit') finishUnit();
    },
    text(t) {
      if (skipDepth > 0) return;
      if (capture) {
        if (capture.nativeDepth > 0) capture.builder.appendMarkup(t.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
        else capture.builder.text(t);
      } else if (note) note.push(t);
    },
  };
}

/** XLIFF 1.2 / 2.x reader. */
export const xliffFormat: BilingualFormat = {
  kind: 'bilingual',
  id: 'xliff',
  name: 'XLIFF 1.2 / 2.x',
  extensions: ['xlf', 'xliff', 'sdlxliff', 'mxliff'],
  mediaTypes: ['application/xliff+xml', 'application/x-xliff+xml'],
  sniff: (head) => sniffXmlRoot(head, 'xliff'),
  readUnits: (inputs: FileInput[], options: BilingualReadOptions = {}) => readXmlUnits(inputs, options, xliffHandler),
};
