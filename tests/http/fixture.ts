/**
 * A small glossary and a running app on an ephemeral port for the HTTP and browser tests: the real app,
 * the real engine and matcher/lookup, over an in-memory store.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Concept } from '../../src/core/model.js';
import { createMemoryStore } from '../../src/store/memory.js';
import { Engine } from '../../src/service/engine.js';
import { createApp } from '../../src/http/app.js';
import type { AppOptions } from '../../src/http/app.js';

export const FIXTURE_CONCEPTS: Concept[] = [
  {
    id: 'export-controls',
    subjectField: 'trade',
    definitions: {
      en: 'Government restrictions on the transfer of goods, software and technology to foreign destinations.',
      'zh-Hans': '政府对货物、软件和技术向境外转移所施加的限制。',
    },
    notes: [],
    terms: [
      { text: '出口管制', lang: 'zh-Hans', status: 'preferred', partOfSpeech: 'noun' },
      { text: 'export controls', lang: 'en', status: 'preferred', partOfSpeech: 'noun' },
      { text: 'export restrictions', lang: 'en', status: 'admitted', partOfSpeech: 'noun' },
      { text: '出口限制', lang: 'zh-Hans', status: 'deprecated', partOfSpeech: 'noun', note: 'too general' },
    ],
  },
  {
    id: 'open-weight',
    definitions: { en: 'Of an AI model: with its trained parameters published for anyone to download.' },
    notes: [],
    terms: [
      { text: '开放权重', lang: 'zh-Hans', status: 'preferred' },
      { text: '開放權重', lang: 'zh-Hant', status: 'preferred' },
      { text: 'open-weight', lang: 'en', status: 'preferred' },
    ],
  },
  {
    id: 'data-center',
    definitions: { en: 'A facility that houses computer systems and their supporting power and cooling.' },
    notes: [],
    terms: [
      { text: '数据中心', lang: 'zh-Hans', status: 'preferred' },
      { text: 'data center', lang: 'en', status: 'preferred' },
      { text: 'data centre', lang: 'en', status: 'admitted' },
    ],
  },
  {
    id: 'executive-order',
    definitions: { en: 'A written directive of the US President to federal agencies.' },
    notes: [],
    terms: [
      { text: '行政令', lang: 'zh-Hans', status: 'preferred' },
      { text: '总统令', lang: 'zh-Hans', status: 'forbidden', note: 'wrong legal instrument' },
      { text: 'executive order', lang: 'en', status: 'preferred' },
    ],
  },
  {
    id: 'red-tape',
    definitions: { en: 'Excessive bureaucratic rules and procedures.' },
    notes: [],
    terms: [
      { text: '繁文缛节', lang: 'zh-Hans', status: 'preferred' },
      { text: 'red tape', lang: 'en', status: 'preferred' },
    ],
  },
];

/** A concept whose texts are HTML/JS injection probes: they must always be shown as text. */
export const XSS_TEXT = '<img src=x onerror="window.__xss=1">';
export const XSS_CONCEPT: Concept = {
  id: 'xss-probe',
  definitions: { en: `Definition ${XSS_TEXT} <script>window.__xss=2</script>` },
  notes: [],
  terms: [
    { text: `zzxss ${XSS_TEXT}`, lang: 'en', status: 'preferred' },
    { text: '跨站脚本', lang: 'zh-Hans', status: 'preferred', note: XSS_TEXT },
  ],
};

/** An engine over a memory store with the fixture glossary `test` (and `probe` when asked). */
export async function fixtureEngine(options: { probe?: boolean } = {}): Promise<Engine> {
  const store = createMemoryStore();
  await store.replaceGlossary({ id: 'test', name: 'Test glossary', languages: ['zh-Hans', 'zh-Hant', 'en'] }, FIXTURE_CONCEPTS);
  if (options.probe) await store.replaceGlossary({ id: 'probe', name: 'Probe', languages: ['zh-Hans', 'en'] }, [XSS_CONCEPT]);
  return new Engine(store);
}

export interface TestServer {
  url: string;
  engine: Engine;
  close(): Promise<void>;
}

/** Starts the real app on 127.0.0.1 with an ephemeral port. */
export async function startTestServer(options: AppOptions & { engine?: Engine; probe?: boolean } = {}): Promise<TestServer> {
  const engine = options.engine ?? (await fixtureEngine({ probe: options.probe ?? false }));
  const app = createApp(engine, { logError: () => {}, ...options });
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(0, '127.0.0.1');
    s.once('listening', () => resolve(s));
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    engine,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await engine.close();
    },
  };
}
