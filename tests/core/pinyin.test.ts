import { describe, expect, it } from 'vitest';
import { compactPinyin, looksLikePinyin, pinyinOf, plainSyllable } from '../../src/core/pinyin.js';

describe('pinyinOf', () => {
  it('gives toned, plain and initials for a Chinese term', () => {
    expect(pinyinOf('出口管制')).toEqual({ toned: 'chū kǒu guǎn zhì', plain: 'chu kou guan zhi', initials: 'ckgz' });
    expect(pinyinOf('开放权重')).toEqual({ toned: 'kāi fàng quán zhòng', plain: 'kai fang quan zhong', initials: 'kfqz' });
  });

  it('reads polyphonic characters in context', () => {
    expect(pinyinOf('重庆').plain).toBe('chong qing');
    expect(pinyinOf('银行').plain).toBe('yin hang');
    expect(pinyinOf('行走').plain).toBe('xing zou');
  });

  it('writes ü as v in plain pinyin and keeps ü in toned pinyin', () => {
    expect(pinyinOf('绿色')).toEqual({ toned: 'lǜ sè', plain: 'lv se', initials: 'ls' });
    expect(pinyinOf('女人').plain).toBe('nv ren');
  });

  it('keeps Latin text as it is in mixed text', () => {
    expect(pinyinOf('AI芯片')).toEqual({ toned: 'AI xīn piàn', plain: 'AI xin pian', initials: 'AIxp' });
    expect(pinyinOf('GPU 集群').plain).toBe('GPU ji qun');
    expect(pinyinOf('GPU')).toEqual({ toned: 'GPU', plain: 'GPU', initials: 'GPU' });
  });

  it('reads traditional characters', () => {
    expect(pinyinOf('開放權重').plain).toBe('kai fang quan zhong');
  });

  it('returns empty forms for empty text', () => {
    expect(pinyinOf('')).toEqual({ toned: '', plain: '', initials: '' });
  });
});

describe('pinyin query helpers', () => {
  it('strips tones and writes ü as v', () => {
    expect(plainSyllable('lǜ')).toBe('lv');
    expect(plainSyllable('zhì')).toBe('zhi');
    expect(plainSyllable('ḿ')).toBe('m');
  });

  it('compacts typed pinyin: case, spaces, tones, tone digits, apostrophes, u:', () => {
    expect(compactPinyin('Chū kǒu guǎn zhì')).toBe('chukouguanzhi');
    expect(compactPinyin('chu kou')).toBe('chukou');
    expect(compactPinyin('chu1 kou3')).toBe('chukou');
    expect(compactPinyin("xi'an")).toBe('xian');
    expect(compactPinyin('lü se')).toBe('lvse');
    expect(compactPinyin('lu:se')).toBe('lvse');
  });

  it('tells pinyin-looking input from other text', () => {
    expect(looksLikePinyin('chu kou')).toBe(true);
    expect(looksLikePinyin('Chū kǒu')).toBe(true);
    expect(looksLikePinyin('ckgz')).toBe(true);
    expect(looksLikePinyin('出口')).toBe(false);
    expect(looksLikePinyin('AI-chip')).toBe(false);
    expect(looksLikePinyin('123')).toBe(false);
  });
});
