import { describe, expect, it } from 'vitest';
import { toSimplified, toSimplifiedChars, toTraditional } from '../../src/core/normalize/script.js';

describe('script conversion', () => {
  it('converts Taiwan vocabulary to mainland terms, not just characters', () => {
    expect(toSimplified('資料中心')).toBe('数据中心');
    expect(toSimplified('軟體')).toBe('软件');
    expect(toSimplified('人工智慧')).toBe('人工智能');
    expect(toSimplified('網際網路')).toBe('互联网');
  });

  it('converts characters without changing terms that are the same in both scripts', () => {
    expect(toSimplified('開放權重')).toBe('开放权重');
    expect(toSimplified('出口管製')).toBe('出口管制');
    expect(toSimplified('出口管制')).toBe('出口管制');
    expect(toSimplifiedChars('開放權重')).toBe('开放权重');
  });

  it('converts simplified to Taiwan traditional with vocabulary', () => {
    expect(toTraditional('开放权重')).toBe('開放權重');
    expect(toTraditional('人工智能')).toBe('人工智慧');
    expect(toTraditional('出口管制')).toBe('出口管制');
  });
});
