import { describe, expect, it } from 'vitest';
import { isAcronym, tokenizeEn } from '../../../src/core/extract/en-tokenize.js';
import { MAX_SENTENCE_CHARS, splitSentences } from '../../../src/core/extract/sentences.js';

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

  it('cuts a line without full stops into pieces of bounded length, at an enumeration comma when there is one', () => {
    const line = '数据中心、'.repeat(5000);
    const parts = splitSentences(line);
    expect(parts.length).toBeGreaterThan(20);
    expect(Math.max(...parts.map((p) => p.length))).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
    expect(parts.every((p) => p.endsWith('、'))).toBe(true);
    expect(parts.join('')).toBe(line);
    // without any break it is cut hard at the limit; ordinary sentences are untouched
    expect(splitSentences('字'.repeat(2500)).map((p) => p.length)).toEqual([1000, 1000, 500]);
    expect(splitSentences('该部分提出了15项联邦政策行动，包括消除繁文缛节和苛刻监管。')).toHaveLength(1);
  });
});
