/** The TBX adapter: reads TBX v3 and v2 (martif), writes TBX v3 / TBX-Basic (DCA). */
import type { Glossary } from '../../core/model.js';
import type { FileInput, GlossaryFormat, GlossaryReadOptions, GlossaryReadResult, GlossaryWriteResult } from '../types.js';
import { readTbx } from './read.js';
import { writeTbx } from './write.js';

export { readTbx, streamTbxConcepts } from './read.js';
export type { TbxHeader } from './read.js';
export { writeTbx } from './write.js';

export const tbxFormat: GlossaryFormat = {
  kind: 'glossary',
  id: 'tbx',
  name: 'TBX (ISO 30042) — v3 TBX-Basic, reads v2/martif too',
  extensions: ['tbx', 'tbxm'],
  mediaTypes: ['application/x-tbx+xml', 'application/tbx+xml'],
  cannotHold: [],
  sniff(head: Uint8Array): boolean {
    const text = Buffer.from(head.subarray(0, 4096)).toString('utf8');
    return /<(?:[A-Za-z_][\w.-]*:)?(?:martif|tbx)[\s>]/.test(text);
  },
  read(input: FileInput, options?: GlossaryReadOptions): Promise<GlossaryReadResult> {
    return readTbx(input, options);
  },
  async write(glossary: Glossary): Promise<GlossaryWriteResult> {
    return writeTbx(glossary);
  },
};
