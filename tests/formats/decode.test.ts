/** Text decoding: BOMs, UTF-16 without BOM, GB18030/GBK from Chinese Excel, XML-declared encodings, binary. */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ShuyuError } from '../../src/core/errors.js';
import { createChunkDecoder, decodeText, detectEncoding } from '../../src/formats/decode.js';

const SAMPLE = '术语,定义,English\n开放权重,权重公开的模型,open-weight\n出口管制,“引号”与·间隔号,export control\n';
const enc = (text: string, encoding: string) => new Uint8Array(iconv.encode(text, encoding));
const withBom = (bom: number[], body: Uint8Array) => new Uint8Array([...bom, ...body]);

describe('decodeText', () => {
  it.each([
    ['UTF-8', enc(SAMPLE, 'utf8'), 'valid-utf8'],
    ['UTF-8 with BOM', withBom([0xef, 0xbb, 0xbf], enc(SAMPLE, 'utf8')), 'bom'],
    ['UTF-16 LE with BOM', withBom([0xff, 0xfe], enc(SAMPLE, 'utf16-le')), 'bom'],
    ['UTF-16 BE with BOM', withBom([0xfe, 0xff], enc(SAMPLE, 'utf16-be')), 'bom'],
    ['UTF-16 LE without BOM', enc(SAMPLE, 'utf16-le'), 'nul-pattern'],
    ['UTF-16 BE without BOM', enc(SAMPLE, 'utf16-be'), 'nul-pattern'],
    ['GB18030', enc(SAMPLE, 'gb18030'), 'heuristic'],
    ['GBK', enc(SAMPLE, 'gbk'), 'heuristic'],
  ])('%s', (_name, bytes, reason) => {
    expect(decodeText(bytes, 'x.csv')).toBe(SAMPLE);
    expect(detectEncoding(bytes, 'x.csv').reason).toBe(reason);
  });

  it('tells Big5 (Traditional Chinese Windows) from GB18030', () => {
    const trad = '術語,定義,English\n開放權重,權重公開的模型,open-weight\n出口管制,對外國轉讓技術的限制,export control\n';
    const big5 = enc(trad, 'big5');
    expect(detectEncoding(big5, 'tw.csv')).toMatchObject({ encoding: 'big5', reason: 'heuristic' });
    expect(decodeText(big5, 'tw.csv')).toBe(trad);
    // the same Traditional text in GB18030 stays GB18030
    expect(detectEncoding(enc(trad, 'gb18030'), 'cn.csv').encoding).toBe('gb18030');
    const d = createChunkDecoder('tw.csv');
    const many = enc(trad.repeat(40), 'big5');
    let out = '';
    for (let i = 0; i < many.length; i += 997) out += d.write(many.subarray(i, i + 997));
    expect(out + d.end()).toBe(trad.repeat(40));
  });

  it('decodes astral characters in GB18030 (four-byte sequences)', () => {
    const text = '𠀀𪚥 术语\n';
    expect(decodeText(enc(text, 'gb18030'), 'x.txt')).toBe(text);
  });

  it('honours an XML declaration (windows-1254) and an explicit encoding', () => {
    const xml = '<?xml version="1.0" encoding="windows-1254"?><a>İı ğ</a>';
    expect(decodeText(enc(xml, 'windows-1254'), 'a.xml')).toBe(xml);
    expect(decodeText(enc('café', 'latin1'), 'a.csv', { encoding: 'latin1' })).toBe('café');
  });

  it('refuses binary data and undecodable text, naming the file and the line', () => {
    const bin = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(() => decodeText(bin, 'logo.csv')).toThrow(ShuyuError);
    try {
      decodeText(new Uint8Array([...enc('a,b\nc,d\n', 'utf8'), 0x63, 0x61, 0x66, 0xe9, 0x20, 0x21, 0x0a]), 'latin.csv');
      expect.unreachable();
    } catch (e) {
      expect((e as ShuyuError).code).toBe('bad_encoding');
      expect((e as ShuyuError).params).toMatchObject({ file: 'latin.csv', line: 3 });
    }
  });

  it('decodes chunk by chunk, even when a chunk ends inside a character', () => {
    for (const encoding of ['utf8', 'gb18030', 'utf16-le']) {
      const bytes = encoding === 'utf16-le' ? withBom([0xff, 0xfe], enc(SAMPLE.repeat(50), encoding)) : enc(SAMPLE.repeat(50), encoding);
      const d = createChunkDecoder('big.csv');
      let out = '';
      for (let i = 0; i < bytes.length; i += 1001) out += d.write(bytes.subarray(i, i + 1001));
      out += d.end();
      expect(out).toBe(SAMPLE.repeat(50));
    }
  });
});
