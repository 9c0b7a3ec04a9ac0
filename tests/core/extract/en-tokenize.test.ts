import { describe, expect, it } from 'vitest';
import { isAcronym, tokenizeEn } from '../../../src/core/extract/en-tokenize.js';
import { splitSentences } from '../../../src/core/extract/sentences.js';

const words = (s: string) => tokenizeEn(s).map((t) => t.text);

describe('tokenizeEn', () => {
  it('keeps hyphenated words, dotted abbreviations and acronyms whole', () => {
    expect(words('The U.S. supports open-weight models, says CAISI.')).toEqual(['The', 'U.S.', 'supports', 'open-weight', 'models', ',', 'says', 'CAISI', '.']);
    expect(words('state-of-the-art AI-enabled GPUs')).toEqual(['state-of-the-art', 'AI-enabled', 'GPUs']);
  });

  it('splits the possessive and a sentence-final period but not an abbreviation period', () => {
    expect(words('America’s AI Action Plan.')).toEqual(['America', '’s', 'AI', 'Action', 'Plan', '.']);
    expect(words('Acme Inc. builds chips')).toEqual(['Acme', 'Inc.', 'builds', 'chips']);
  });

  it('gives offsets into the sentence', () => {
    const s = 'Export controls on U.S. chips';
    for (const t of tokenizeEn(s)) expect(s.slice(t.start, t.end)).toBe(t.text);
  });

  it('recognises acronyms', () => {
    expect(isAcronym('CAISI')).toBe(true);
    expect(isAcronym('U.S.')).toBe(true);
    expect(isAcronym('GPUs')).toBe(true);
    expect(isAcronym('Chips')).toBe(false);
  });
});

describe('splitSentences', () => {
  it('splits Chinese and English sentences, not after U.S. or Dr.', () => {
    expect(splitSentences('美国发布行动计划。加强出口管制！')).toEqual(['美国发布行动计划。', '加强出口管制！']);
    expect(splitSentences('The U.S. Government acts. Dr. Smith agrees. New rules follow.')).toEqual(['The U.S. Government acts.', 'Dr. Smith agrees.', 'New rules follow.']);
  });

  it('strips Markdown links, emphasis and table pipes', () => {
    expect(splitSentences('## **Export** controls\n| a | [data centers](http://x.y) |')).toEqual(['Export controls', 'a', 'data centers']);
  });
});
