/**
 * Streaming XML for the bilingual readers (XLIFF, TMX): saxes fed with decoded chunks, units yielded as
 * they complete, so memory stays flat in file size. Hostile input is refused: any DTD that declares
 * entities (billion laughs, external entities) fails with ShuyuError('unsafe_input'); nesting deeper than
 * limits.maxXmlDepth fails with 'too_large'; malformed XML fails with 'parse_error' naming file, line and column.
 */
import { SaxesParser } from 'saxes';
import { ShuyuError } from '../../core/errors.js';
import { normalizeLang } from '../../core/lang.js';
import { resolveLimits } from '../limits.js';
import type { BilingualInfo, BilingualReadOptions, BilingualUnit, FileInput, Limits } from '../types.js';
import { inputChunks } from './input.js';

/** What a format handler receives from the parser. Names are local names (prefix removed). */
export interface XmlHandler {
  open(name: string, attrs: Record<string, string>, line: number): void;
  close(name: string): void;
  text(text: string): void;
  /** Called once at the end of the document. */
  end?(): void;
}

/** Local name of a qualified XML name (`gls:term` → `term`); `xml:lang` keeps its prefix as an attribute. */
export function localName(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? qname : qname.slice(i + 1);
}

/** Attribute lookup ignoring case of the name (`xml:lang`, `XML:LANG`, `lang`). */
export function attr(attrs: Record<string, string>, ...names: string[]): string | undefined {
  for (const n of names) {
    if (attrs[n] !== undefined) return attrs[n];
  }
  const lower = names.map((n) => n.toLowerCase());
  for (const [k, v] of Object.entries(attrs)) if (lower.includes(k.toLowerCase())) return v;
  return undefined;
}

/** Serialises an element start for display as an inline code's markup. */
export function startTag(name: string, attrs: Record<string, string>, selfClosing = false): string {
  const a = Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}"`)
    .join('');
  return `<${name}${a}${selfClosing ? '/' : ''}>`;
}

/**
 * Parses one XML input and yields what the handler emits, chunk by chunk.
 * `makeHandler(emit)` builds the format's state machine.
 */
export async function* parseXmlUnits<T>(
  input: FileInput,
  limits: Limits,
  makeHandler: (emit: (item: T) => void) => XmlHandler,
  onProgress?: (done: number, total?: number) => void,
): AsyncIterable<T> {
  const queue: T[] = [];
  const handler = makeHandler((item) => queue.push(item));
  const parser = new SaxesParser({ position: true });
  const file = input.name;
  let depth = 0;
  let sawRoot = false;

  const fail = (code: 'parse_error' | 'unsafe_input' | 'too_large', message: string): ShuyuError =>
    new ShuyuError(code, message, { params: { file, line: parser.line, column: Math.max(parser.column, 1) } });

  parser.on('error', (e: Error) => {
    const bare = e.message.replace(/^[^:]*:\d+:\d+:\s*/, '').replace(/^\d+:\d+:\s*/, '');
    if (/undefined entity/i.test(bare)) throw fail('unsafe_input', `Malformed or unsafe XML: ${bare} (custom and external entities are not allowed)`);
    throw fail('parse_error', `Malformed XML: ${bare}`);
  });
  parser.on('doctype', (doctype: string) => {
    if (/<!ENTITY/i.test(doctype)) throw fail('unsafe_input', 'XML declares entities in its DOCTYPE (entity expansion and external entities are refused)');
  });
  parser.on('opentag', (node) => {
    depth++;
    sawRoot = true;
    if (depth > limits.maxXmlDepth) throw fail('too_large', `XML nesting deeper than ${limits.maxXmlDepth} levels`);
    handler.open(localName(node.name), node.attributes as Record<string, string>, parser.line);
  });
  // saxes emits closetag for self-closing elements too
  parser.on('closetag', (node) => {
    depth--;
    handler.close(localName(node.name));
  });
  parser.on('text', (t: string) => handler.text(t));
  parser.on('cdata', (t: string) => handler.text(t));

  for await (const chunk of inputChunks(input, limits, onProgress)) {
    parser.write(chunk);
    while (queue.length) yield queue.shift()!;
  }
  parser.close();
  if (!sawRoot) throw fail('parse_error', 'Malformed XML: the file has no root element');
  handler.end?.();
  while (queue.length) yield queue.shift()!;
}

/** Recognises an XML document by its root element in the first 2 KB (NULs of UTF-16 dropped). */
export function sniffXmlRoot(head: Uint8Array, root: string): boolean {
  const s = Buffer.from(head.subarray(0, 2048)).toString('utf8').replace(/\0/g, '');
  return new RegExp(`<${root}[\\s>]`).test(s);
}

type UnitHandlerFactory = (input: FileInput, options: BilingualReadOptions, info: BilingualInfo, emit: (u: BilingualUnit) => void) => XmlHandler;

/** `readUnits` of an XML bilingual format: language overrides, limits, then every input streamed through its handler. */
export function readXmlUnits(
  inputs: FileInput[],
  options: BilingualReadOptions,
  handler: UnitHandlerFactory,
): { units: AsyncIterable<BilingualUnit>; info: BilingualInfo } {
  const info: BilingualInfo = { notices: [] };
  if (options.sourceLang) info.sourceLang = normalizeLang(options.sourceLang);
  if (options.targetLang) info.targetLang = normalizeLang(options.targetLang);
  const limits = resolveLimits(options.limits);
  async function* units(): AsyncIterable<BilingualUnit> {
    for (const input of inputs) {
      yield* parseXmlUnits<BilingualUnit>(input, limits, (emit) => handler(input, options, info, emit), options.onProgress);
    }
  }
  return { units: units(), info };
}
