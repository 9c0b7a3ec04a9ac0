/**
 * Cell values of glossary spreadsheets: `|`-separated lists (as Trados does, with `\|` for a literal
 * bar), statuses and parts of speech in English, Chinese or TBX spelling.
 */
import type { PartOfSpeech, TermStatus, TermType } from '../../core/model.js';
import { PARTS_OF_SPEECH, TERM_STATUSES, TERM_TYPES } from '../../core/model.js';
import { partOfSpeechFromTbx, statusFromTbx, termTypeFromTbx } from '../tbx/mapping.js';

/** Joins list items with `|`, escaping `\` and `|` inside items. */
export function joinList(items: readonly string[]): string {
  let out = '';
  for (let i = 0; i < items.length; i++) {
    const s = items[i]!;
    const escaped = s.includes('\\') || s.includes('|') ? s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|') : s;
    out = i === 0 ? escaped : `${out}|${escaped}`;
  }
  return out;
}

/** Splits a `|` list (`\|` is a literal bar, `\\` a backslash; other backslashes are kept). Empty → []. */
export function splitList(cell: string, trim = true): string[] {
  if (cell === '') return [];
  if (!cell.includes('\\')) {
    const parts = cell.split('|');
    if (!trim) return parts;
    const out: string[] = [];
    for (const p of parts) {
      const t = p.trim();
      if (t !== '') out.push(t);
    }
    return out;
  }
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < cell.length; i++) {
    const ch = cell[i]!;
    if (ch === '\\' && (cell[i + 1] === '|' || cell[i + 1] === '\\')) {
      cur += cell[i + 1];
      i++;
    } else if (ch === '|') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return trim ? out.map((s) => s.trim()).filter((s) => s !== '') : out;
}

const STATUS_WORDS: Record<string, TermStatus> = {
  preferred: 'preferred',
  首选: 'preferred',
  推荐: 'preferred',
  优选: 'preferred',
  首選: 'preferred',
  推薦: 'preferred',
  admitted: 'admitted',
  allowed: 'admitted',
  允许: 'admitted',
  允許: 'admitted',
  可用: 'admitted',
  许可: 'admitted',
  认可: 'admitted',
  deprecated: 'deprecated',
  不推荐: 'deprecated',
  不推薦: 'deprecated',
  弃用: 'deprecated',
  已弃用: 'deprecated',
  棄用: 'deprecated',
  forbidden: 'forbidden',
  禁用: 'forbidden',
  禁止: 'forbidden',
  'do not use': 'forbidden',
};

/** A status cell (English, Chinese or TBX spelling, any case) → status; '' → undefined; unknown → null. */
export function parseStatus(cell: string): TermStatus | undefined | null {
  const v = cell.trim().toLowerCase();
  if (v === '') return undefined;
  return STATUS_WORDS[v] ?? statusFromTbx(v) ?? null;
}

const POS_WORDS: Record<string, PartOfSpeech> = {
  名词: 'noun',
  名詞: 'noun',
  动词: 'verb',
  動詞: 'verb',
  形容词: 'adjective',
  形容詞: 'adjective',
  副词: 'adverb',
  副詞: 'adverb',
  其他: 'other',
};

/** A part-of-speech cell → value; '' → undefined; unknown → null. */
export function parsePartOfSpeech(cell: string): PartOfSpeech | undefined | null {
  const v = cell.trim().toLowerCase().replace(/\.$/, '');
  if (v === '') return undefined;
  return POS_WORDS[v] ?? partOfSpeechFromTbx(v) ?? null;
}

/** A term-type cell → value; '' → undefined; unknown → null. */
export function parseTermType(cell: string): TermType | undefined | null {
  const v = cell.trim();
  if (v === '') return undefined;
  return termTypeFromTbx(v) ?? null;
}

/** A yes/no cell → boolean; '' → undefined; unknown → null. */
export function parseBoolean(cell: string): boolean | undefined | null {
  const v = cell.trim().toLowerCase();
  if (v === '') return undefined;
  if (['yes', 'y', 'true', '1', 'x', '是', '✓'].includes(v)) return true;
  if (['no', 'n', 'false', '0', '否'].includes(v)) return false;
  return null;
}

export const STATUS_CHOICES = TERM_STATUSES.join(', ');
export const POS_CHOICES = PARTS_OF_SPEECH.join(', ');
export const TERM_TYPE_CHOICES = TERM_TYPES.join(', ');
