import { describe, expect, it } from 'vitest';
import { enCandidateSpans, tagEnTokens } from '../../../src/core/extract/en-candidates.js';
import { singularizePhrase, singularizeWord } from '../../../src/core/extract/en-singular.js';
import { tokenizeEn } from '../../../src/core/extract/en-tokenize.js';
import { enTagger } from '../../../src/service/extract-nlp.js';

function spans(sentence: string): string[] {
  const tokens = tagEnTokens(tokenizeEn(sentence), enTagger());
  return enCandidateSpans(tokens).map((s) => s.parts.join(' '));
}

describe('English noun-phrase candidates (Brill tagger)', () => {
  it('finds (Adj|Noun)* Noun phrases and their nested sub-phrases', () => {
    const c = spans('The government strengthens export controls on open-weight models.');
    expect(c).toEqual(expect.arrayContaining(['export controls', 'controls', 'open-weight models', 'models', 'government']));
    expect(c).not.toContain('The government');
    expect(c).not.toContain('strengthens export controls');
  });

  it('accepts one "of" phrase between nouns', () => {
    expect(spans('The Department of Commerce will act.')).toContain('Department of Commerce');
    expect(spans('The Department of Commerce will act.')).not.toContain('of Commerce');
  });

  it('does not propose the words by which a document names its parts alone, but lets them head a phrase', () => {
    const c = spans('This summary of export controls follows the introduction and the executive summary.');
    expect(c).toContain('export controls');
    expect(c).not.toContain('summary');
    expect(c).not.toContain('introduction');
    expect(c).toContain('executive summary');
  });

  it('treats acronyms as nouns even when the tagger says otherwise', () => {
    expect(spans('AI systems need CAISI evaluations.')).toEqual(expect.arrayContaining(['AI systems', 'CAISI evaluations', 'CAISI']));
  });

  it('does not start a candidate with a gerund but lets one head a term', () => {
    const c = spans('Building data centers needs quantum computing.');
    expect(c).toContain('data centers');
    expect(c).not.toContain('Building data centers');
    expect(c).toContain('quantum computing');
  });

  it('starts a candidate with a gerund where a noun phrase begins (after a determiner, possessive, number, adjective)', () => {
    expect(spans('The operating system matters.')).toContain('operating system');
    expect(spans('We need more training data.')).toContain('training data');
    expect(spans('An annealing schedule helps.')).toContain('annealing schedule');
    expect(spans('Its computing power grows.')).toContain('computing power');
    expect(spans('All three processing units failed.')).toContain('processing units');
    // verbal uses stay out: after a preposition, at the start of a sentence, after a verb
    expect(spans('They invest in building data centers.')).not.toContain('building data centers');
    expect(spans('Building data centers needs power.')).not.toContain('Building data centers');
    expect(spans('They are using data centers.')).not.toContain('using data centers');
    // a gerund alone is not a candidate
    expect(spans('The training matters.')).not.toContain('training');
  });
});

describe('singularisation for grouping', () => {
  it('singularises the head noun only and leaves uncountables and acronyms alone', () => {
    expect(singularizePhrase(['export', 'controls'])).toEqual(['export', 'control']);
    expect(singularizeWord('policies')).toBe('policy');
    expect(singularizeWord('Data')).toBe('Data');
    expect(singularizeWord('analyses')).toBe('analysis');
    expect(singularizeWord('GPUs')).toBe('GPU');
    expect(singularizeWord('status')).toBe('status');
    expect(singularizeWord('Centers')).toBe('Center');
  });
});
