/**
 * Building Segments: plain text with each inline code replaced by one U+FFFC placeholder, so that term
 * offsets point into the segment text and matching never runs across markup.
 */
import type { InlineCode, Segment } from '../types.js';

/** The placeholder that stands for one inline code. */
export const PLACEHOLDER = '\uFFFC';

/** Accumulates text and inline codes of one segment. */
export class SegmentBuilder {
  private parts: string[] = [];
  private length = 0;
  private codes: InlineCode[] = [];

  /** Appends plain text. */
  text(s: string): void {
    if (!s) return;
    this.parts.push(s);
    this.length += s.length;
  }

  /** Appends one inline code (its placeholder) with its original markup for display. */
  code(markup: string): void {
    this.codes.push({ offset: this.length, markup });
    this.parts.push(PLACEHOLDER);
    this.length += 1;
  }

  /** Appends the markup text of the code most recently opened (for codes whose content is native code). */
  appendMarkup(s: string): void {
    const last = this.codes[this.codes.length - 1];
    if (last) last.markup += s;
  }

  /** Appends another segment (its text and codes, shifted). */
  segment(seg: Segment): void {
    for (const c of seg.codes) this.codes.push({ offset: c.offset + this.length, markup: c.markup });
    this.text(seg.text);
  }

  get isEmpty(): boolean {
    return this.length === 0;
  }

  build(): Segment {
    return { text: this.parts.join(''), codes: this.codes };
  }
}

/** A segment of plain text with no codes. */
export function plainSegment(text: string): Segment {
  return { text, codes: [] };
}

/**
 * Splits text on a pattern of inline markup (i18next `{{var}}`, `$t(key)`, `<0></0>`): each match becomes
 * one placeholder, the rest stays as text.
 */
export function segmentWithCodes(text: string, pattern: RegExp): Segment {
  const b = new SegmentBuilder();
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    b.text(text.slice(last, m.index));
    b.code(m[0]);
    last = m.index + m[0].length;
  }
  b.text(text.slice(last));
  return b.build();
}

/** True when the segment has no visible text (only whitespace and placeholders). */
export function isBlank(seg: Segment | undefined): boolean {
  return !seg || seg.text.replace(/[\s\uFFFC]+/g, '') === '';
}
