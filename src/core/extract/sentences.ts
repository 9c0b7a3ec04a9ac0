/**
 * Sentence splitting for extraction (both languages) and light clean-up of Markdown/HTML-ish markup, so that
 * candidates never run across a table cell, a heading marker or a link target.
 */
import { EN_ABBREVIATIONS } from './en-tokenize.js';

/** Longest context sentence kept with a candidate (characters). */
export const MAX_CONTEXT_CHARS = 300;

/**
 * Removes Markdown syntax that is not text: link targets (`[text](url)` → text), autolinks, emphasis
 * markers, heading hashes, table pipes (become sentence breaks) and footnote-like bare numbers in brackets.
 */
export function stripMarkup(line: string): string {
  return line
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<https?:[^>]*>/g, ' ')
    .replace(/<\/?[a-zA-Z][^>]*>/g, ' ')
    .replace(/\*{1,}|_{2,}|`+/g, '')
    .replace(/^\s{0,3}#{1,6}\s+/, '')
    .replace(/^\s*(?:[-+>]|\d+\.)\s+/, '')
    .replace(/\s*\|\s*/g, '\n')
    .replace(/^[-:\s]+$/, '');
}

const ZH_END = /[。！？；!?;]+[”’」』）)]*|\n+/g;

/**
 * Splits text into sentences. Chinese ends at 。！？； (and their ASCII forms) and at line breaks; English
 * ends at . ! ? followed by a space and a capital, digit or quote, except after abbreviations (U.S., Dr.).
 * Markup is stripped first. Empty sentences are dropped; each sentence is trimmed.
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    if (!rawLine.trim()) continue;
    for (const line of stripMarkup(rawLine).split('\n')) {
      if (!line.trim()) continue;
      for (const part of splitZh(line)) splitEn(part, out);
    }
  }
  return out;
}

function splitZh(line: string): string[] {
  const parts: string[] = [];
  let last = 0;
  ZH_END.lastIndex = 0;
  for (let m = ZH_END.exec(line); m; m = ZH_END.exec(line)) {
    const end = m.index + m[0].length;
    // ASCII `;` `!` `?` inside English are handled the same way; `.` is left to splitEn.
    parts.push(line.slice(last, end));
    last = end;
  }
  if (last < line.length) parts.push(line.slice(last));
  return parts;
}

function splitEn(text: string, out: string[]): void {
  let start = 0;
  const re = /([.!?]["”’)]*)\s+(?=["“‘(]?[\p{Lu}\d])/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const before = text.slice(Math.max(start, m.index - 12), m.index);
    const lastWord = /([\p{L}.]+)$/u.exec(before)?.[1] ?? '';
    if (m[1]!.startsWith('.') && (EN_ABBREVIATIONS.has(lastWord.toLowerCase()) || /^(?:\p{L}\.)+\p{L}$/u.test(lastWord))) continue;
    push(out, text.slice(start, m.index + m[1]!.length));
    start = m.index + m[0].length;
  }
  push(out, text.slice(start));
}

function push(out: string[], s: string): void {
  const t = s.trim();
  if (!t) return;
  if (t.length <= MAX_SENTENCE_CHARS) {
    out.push(t);
    return;
  }
  // no sentence is this long: a list or a table row without full stops, or hostile input. Cut it at the last
  // comma, enumeration comma or space before the limit (hard at the limit when there is none), so that the work
  // per sentence (nesting, enumeration tests) stays bounded and the whole run linear in the input.
  let rest = t;
  while (rest.length > MAX_SENTENCE_CHARS) {
    const window = rest.slice(0, MAX_SENTENCE_CHARS);
    let cut = -1;
    for (let i = window.length - 1; i >= MAX_SENTENCE_CHARS / 2 && cut < 0; i--) if (SOFT_BREAKS.includes(window[i]!)) cut = i + 1;
    if (cut < 0) cut = MAX_SENTENCE_CHARS;
    const head = rest.slice(0, cut).trim();
    if (head) out.push(head);
    rest = rest.slice(cut);
  }
  const tail = rest.trim();
  if (tail) out.push(tail);
}

/** Longest sentence analysed as one (characters); longer ones are cut at a soft break. */
export const MAX_SENTENCE_CHARS = 1000;
/** Where an over-long sentence is preferably cut. */
const SOFT_BREAKS = '，、,：:） )';

/**
 * A context sentence safe to keep: at most MAX_CONTEXT_CHARS characters and copied, so that it does not
 * keep a large input string alive (V8 slices share their parent's memory).
 */
export function contextOf(sentence: string): string {
  const cut = sentence.length > MAX_CONTEXT_CHARS ? `${sentence.slice(0, MAX_CONTEXT_CHARS - 1)}…` : sentence;
  return (cut + ' ').slice(0, -1);
}
