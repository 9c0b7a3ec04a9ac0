import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ShuyuError } from '../../src/core/errors.js';
import type { Glossary } from '../../src/core/model.js';
import { conceptSchema } from '../../src/core/model.js';
import { glossaryYamlFormat, parseGlossaryYaml, stringifyGlossaryYaml } from '../../src/formats/glossary-yaml.js';
import { glossaryJsonFormat, parseGlossaryJson, stringifyGlossaryJson } from '../../src/formats/glossary-json.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function thrown(f: () => unknown): ShuyuError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ShuyuError);
    return e as ShuyuError;
  }
  throw new Error('expected a ShuyuError');
}

const sample = `# AI policy terms
id: ai-policy
name: AI policy
description: 人工智能政策术语
languages: [zh-CN, en]
concepts:
  - id: export-control
    subjectField: trade
    definitions:
      en: Government control of exports.
    terms:
      - { text: 出口管制, lang: zh-CN, status: preferred }
      - { text: export control, lang: en, status: preferred, partOfSpeech: noun }
    specs:
      match: [加强出口管制]
  - id: open-weight
    terms:
      - text: 开放权重
        lang: zh
        status: preferred
      - text: open-weight
        lang: en
        status: preferred
`;

describe('glossary YAML: reading', () => {
  it('reads header and concepts, normalising languages and filling defaults', () => {
    const { glossary, warnings } = parseGlossaryYaml(sample, 'ai-policy.yaml');
    expect(warnings).toEqual([]);
    expect(glossary).toMatchObject({ id: 'ai-policy', name: 'AI policy', description: '人工智能政策术语', languages: ['zh-Hans', 'en'] });
    expect(glossary.concepts.map((c) => c.id)).toEqual(['export-control', 'open-weight']);
    expect(glossary.concepts[0]?.terms[0]).toEqual({ text: '出口管制', lang: 'zh-Hans', status: 'preferred' });
    expect(glossary.concepts[1]?.notes).toEqual([]);
    expect(glossary.concepts[0]?.specs).toEqual({ match: ['加强出口管制'] });
  });

  it('collects every problem with file, line and concept id', () => {
    const text = `id: g
name: G
languages: [zh-Hans, en]
concepts:
  - id: good
    terms:
      - { text: 好, lang: zh-Hans, status: preferred }
  - id: bad-status
    terms:
      - { text: 坏, lang: zh-Hans, status: approved }
  - id: no-terms
    terms: []
  - id: good
    terms:
      - { text: 又一个, lang: zh-Hans, status: preferred }
  - id: bad-key
    colour: red
    terms:
      - { text: x, lang: en, status: preferred }
`;
    const e = thrown(() => parseGlossaryYaml(text, 'g.yaml'));
    expect(e.code).toBe('invalid_input');
    expect(e.params).toMatchObject({ file: 'g.yaml', line: 10, conceptId: 'bad-status', count: 4 });
    expect(e.message).toMatch(/^g\.yaml:10:\d+: terms\[0\]\.status/);
    expect(e.details.map((d) => [d.line, d.conceptId])).toEqual([
      [10, 'bad-status'],
      [12, 'no-terms'],
      [13, 'good'],
      [16, 'bad-key'],
    ]);
    expect(e.details[2]?.message).toMatch(/duplicate concept id "good" \(first used at line 5\)/);
    expect(e.details.every((d) => d.file === 'g.yaml')).toBe(true);
  });

  it('reports YAML syntax errors as parse_error with line and column', () => {
    const e = thrown(() => parseGlossaryYaml('id: g\nconcepts:\n  - id: a\n    terms: [ { text: x\n', 'broken.yaml'));
    expect(e.code).toBe('parse_error');
    expect(e.params.file).toBe('broken.yaml');
    expect(typeof e.params.line).toBe('number');
    expect(e.where).toMatch(/^broken\.yaml:\d+:\d+$/);
  });

  it('treats duplicate keys as a parse error', () => {
    const e = thrown(() => parseGlossaryYaml('id: a\nid: b\nconcepts: []\n', 'dup.yaml'));
    expect(e.code).toBe('parse_error');
    expect(e.params.line).toBe(2);
  });

  it('rejects unknown top-level keys and a non-list concepts', () => {
    const e = thrown(() => parseGlossaryYaml('id: g\nname: G\nconcept: []\n', 'typo.yaml'));
    expect(e.details.map((d) => d.message)).toEqual([expect.stringMatching(/unknown key "concept"/), 'concepts must be a list']);
    expect(e.details[0]?.line).toBe(3);
  });

  it('rejects an invalid glossary id and a file that is not a mapping', () => {
    expect(thrown(() => parseGlossaryYaml('id: "-x y"\nconcepts: []\n', 'a.yaml')).details[0]?.path).toBe('id');
    expect(thrown(() => parseGlossaryYaml('- just\n- a list\n', 'a.yaml')).code).toBe('invalid_input');
  });

  it('takes the id from the file name and the name from the id when they are missing', () => {
    const { glossary } = parseGlossaryYaml('concepts:\n  - id: a\n    terms: [{ text: x, lang: en, status: preferred }]\n', 'dir/My Terms.yaml');
    expect(glossary.id).toBe('My-Terms');
    expect(glossary.name).toBe('My-Terms');
    expect(glossary.languages).toEqual(['en']);
  });

  it('adds term languages missing from "languages" with a warning', () => {
    const { glossary, warnings } = parseGlossaryYaml(
      'id: g\nlanguages: [en]\nconcepts:\n  - id: a\n    terms: [{ text: 甲, lang: zh-TW, status: preferred }]\n',
      'g.yaml',
    );
    expect(glossary.languages).toEqual(['en', 'zh-Hant']);
    expect(warnings.map((w) => w.code)).toEqual(['language_not_listed']);
  });

  it('refuses alias bombs', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 8; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`);
    expect(() => parseGlossaryYaml(`${bomb.join('\n')}\nconcepts: []\n`, 'bomb.yaml')).toThrow(/alias/i);
  });

  it('reads through the format adapter from bytes and from a path', async () => {
    const fromBytes = await glossaryYamlFormat.read!({ name: 'ai.yaml', bytes: new TextEncoder().encode(`\uFEFF${sample}`) });
    expect(fromBytes.glossary.concepts).toHaveLength(2);
    expect(glossaryYamlFormat.sniff?.(new TextEncoder().encode(sample))).toBe(true);
    expect(glossaryYamlFormat).toMatchObject({ kind: 'glossary', id: 'shuyu-yaml', extensions: ['yaml', 'yml'] });
  });

  const builtIn = path.join(repo, 'glossary/ai-policy.yaml');
  it.skipIf(!existsSync(builtIn))('reads the built-in glossary/ai-policy.yaml without problems', async () => {
    const { glossary } = await glossaryYamlFormat.read!({ name: 'glossary/ai-policy.yaml', path: builtIn });
    expect(glossary.id).toBe('ai-policy');
    expect(glossary.concepts.length).toBeGreaterThan(10);
  });
});

const tricky: Glossary = {
  id: '术语-1',
  name: 'Tricky: names # and "quotes"',
  description: 'yes',
  languages: ['zh-Hans', 'zh-Hant', 'en'],
  concepts: [
    {
      id: 'c.1',
      subjectField: 'null',
      definitions: { 'zh-Hans': '定义：𠮷野家', en: 'Line one\nline two' },
      notes: ['1.0', 'true', '- dash', '@at', '{brace}'],
      source: "O'Brien",
      terms: [
        { text: '𠮷野家', lang: 'zh-Hans', status: 'preferred', context: '去𠮷野家: 吃饭 # 不是注释' },
        { text: '開放權重', lang: 'zh-Hant', status: 'admitted' },
        { text: 'No', lang: 'en', status: 'forbidden', caseSensitive: true, partOfSpeech: 'noun', termType: 'acronym', note: '~', source: '*x' },
      ],
      related: ['c.2'],
      specs: { match: ['说𠮷野家'], noMatch: [''] },
      extra: { 'tbx:x': '😀' },
    },
    { id: 'c.2', definitions: {}, notes: [], terms: [{ text: 'plain', lang: 'en', status: 'preferred' }] },
  ],
};

describe('glossary YAML: writing', () => {
  it('round-trips a glossary with YAML-special and astral-plane text', () => {
    const text = stringifyGlossaryYaml(tricky);
    expect(parseGlossaryYaml(text, 'out.yaml').glossary).toEqual(tricky);
  });

  it('writes a stable key order with one flow-style line per term', () => {
    const text = stringifyGlossaryYaml(tricky);
    expect(text.split('\n').slice(0, 4)).toEqual(['id: 术语-1', 'name: \'Tricky: names # and "quotes"\'', 'description: yes', 'languages: [ zh-Hans, zh-Hant, en ]']);
    expect(text).toContain('- { text: 開放權重, lang: zh-Hant, status: admitted }');
    expect(text.indexOf('  - id: c.2')).toBeGreaterThan(text.indexOf('  - id: c.1'));
    expect(stringifyGlossaryYaml(parseGlossaryYaml(text, 'x.yaml').glossary)).toBe(text);
  });
});

describe('Shuyu glossary JSON', () => {
  it('round-trips through write and read', async () => {
    const { bytes } = await glossaryJsonFormat.write!(tricky);
    const text = new TextDecoder().decode(bytes);
    expect(JSON.parse(text)).toMatchObject({ format: 'shuyu-glossary', version: 1, id: '术语-1' });
    expect(parseGlossaryJson(text, 'g.json').glossary).toEqual(tricky);
    expect(glossaryJsonFormat.sniff?.(bytes)).toBe(true);
    expect((await glossaryJsonFormat.read!({ name: 'g.json', bytes })).glossary).toEqual(tricky);
  });

  it('reports syntax errors with line and column', () => {
    const e = thrown(() => parseGlossaryJson('{\n  "format": "shuyu-glossary",\n  "version": 1,,\n}', 'bad.json'));
    expect(e.code).toBe('parse_error');
    expect(e.params).toMatchObject({ file: 'bad.json', line: 3 });
  });

  it('refuses other JSON and other versions with unsupported_format', () => {
    expect(thrown(() => parseGlossaryJson('{"en": {"key": "value"}}', 'i18n.json')).code).toBe('unsupported_format');
    expect(thrown(() => parseGlossaryJson('{"format": "shuyu-glossary", "version": 2}', 'v2.json')).code).toBe('unsupported_format');
  });

  it('collects validation problems with lines, like the YAML reader', () => {
    const doc = {
      format: 'shuyu-glossary',
      version: 1,
      id: 'g',
      name: 'G',
      languages: ['en'],
      concepts: [
        { id: 'a', terms: [{ text: 'a', lang: 'en', status: 'preferred' }] },
        { id: 'b', terms: [{ text: 'b', lang: 'en', status: 'wrong' }] },
        { id: 'a', terms: [{ text: 'c', lang: 'en', status: 'preferred' }] },
      ],
    };
    const text = stringifyGlossaryJsonRaw(doc);
    const e = thrown(() => parseGlossaryJson(text, 'g.json'));
    expect(e.code).toBe('invalid_input');
    expect(e.details.map((d) => d.conceptId)).toEqual(['b', 'a']);
    const lines = text.split('\n');
    expect(lines[e.details[0]!.line! - 1]).toContain('"wrong"');
    expect(lines[e.details[1]!.line! - 1]).toContain('"id": "a"');
  });

  it('the JSON Schema in docs/ names exactly the fields of the model', () => {
    const schema = JSON.parse(readFileSync(path.join(repo, 'docs/shuyu-glossary.schema.json'), 'utf8'));
    expect(Object.keys(schema.$defs.concept.properties).sort()).toEqual(Object.keys(conceptSchema.shape).sort());
    expect(Object.keys(schema.$defs.term.properties).sort()).toEqual(Object.keys(conceptSchema.shape.terms.element.shape).sort());
    expect(Object.keys(schema.properties).sort()).toEqual(['$schema', 'concepts', 'description', 'format', 'id', 'languages', 'name', 'version']);
    expect(schema.$defs.term.properties.status.enum).toEqual(conceptSchema.shape.terms.element.shape.status.options);
  });
});

function stringifyGlossaryJsonRaw(doc: unknown): string {
  return JSON.stringify(doc, null, 2);
}

// keep the writer honest about what it emits for an empty glossary
describe('empty glossary', () => {
  it('writes and reads a glossary without concepts', () => {
    const g: Glossary = { id: 'empty', name: 'Empty', languages: [], concepts: [] };
    expect(parseGlossaryYaml(stringifyGlossaryYaml(g), 'e.yaml').glossary).toEqual(g);
    expect(parseGlossaryJson(stringifyGlossaryJson(g), 'e.json').glossary).toEqual(g);
  });
});
