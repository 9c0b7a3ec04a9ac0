import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from './fixture.js';
import type { TestServer } from './fixture.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await server.engine.store.createGlossary({ id: 'builtin', name: 'Built in', languages: ['en'], builtIn: true });
});
afterAll(async () => {
  await server?.close();
});

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any; res: Response }> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, res };
}

const concept = (extra: object = {}) => ({
  id: 'compute',
  definitions: { en: 'Computing power.' },
  terms: [
    { text: '算力', lang: 'zh-Hans', status: 'preferred' },
    { text: 'compute', lang: 'en', status: 'preferred' },
  ],
  ...extra,
});

describe('glossaries API', () => {
  it('lists glossaries with their concept counts', async () => {
    const { status, body } = await call('GET', '/api/glossaries');
    expect(status).toBe(200);
    const test = body.glossaries.find((g: any) => g.id === 'test');
    expect(test).toMatchObject({ id: 'test', name: 'Test glossary', conceptCount: 5 });
    expect(typeof test.version).toBe('number');
  });

  it('pages through concepts in id order', async () => {
    const first = await call('GET', '/api/glossaries/test/concepts?offset=0&limit=2');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total: 5, offset: 0, limit: 2 });
    expect(first.body.concepts.map((c: any) => c.id)).toEqual(['data-center', 'executive-order']);
    const rest = await call('GET', '/api/glossaries/test/concepts?offset=2&limit=10');
    expect(rest.body.concepts.map((c: any) => c.id)).toEqual(['export-controls', 'open-weight', 'red-tape']);
    expect((await call('GET', '/api/glossaries/test/concepts?limit=-1')).status).toBe(400);
    expect((await call('GET', '/api/glossaries/nope/concepts')).status).toBe(404);
  });

  it('reads one concept with its revision as ETag, 404 for unknown ones', async () => {
    const { status, body, res } = await call('GET', '/api/glossaries/test/concepts/red-tape');
    expect(status).toBe(200);
    expect(body.concept).toMatchObject({ id: 'red-tape', glossaryId: 'test' });
    expect(res.headers.get('etag')).toBe(`"${body.concept.revision}"`);
    const missing = await call('GET', '/api/glossaries/test/concepts/nope');
    expect(missing.status).toBe(404);
    expect(missing.body.error.params).toMatchObject({ conceptId: 'nope' });
  });

  it('creates, updates with optimistic concurrency, and deletes a concept', async () => {
    const noRevision = await call('PUT', '/api/glossaries/test/concepts/compute', concept());
    expect(noRevision.status).toBe(400);

    const created = await call('PUT', '/api/glossaries/test/concepts/compute', concept({ revision: 0 }));
    expect(created.status).toBe(201);
    const rev = created.body.concept.revision;
    expect(rev).toBeGreaterThan(0);

    const createdAgain = await call('PUT', '/api/glossaries/test/concepts/compute', concept({ revision: 0 }));
    expect(createdAgain.status).toBe(409);
    expect(createdAgain.body.error.code).toBe('conflict');

    // the lookup index is rebuilt after the write
    const found = await call('GET', `/api/lookup?q=${encodeURIComponent('算力')}`);
    expect(found.body.results[0]?.conceptId).toBe('compute');

    const updated = await call('PUT', '/api/glossaries/test/concepts/compute', concept({ revision: rev, definitions: { en: 'Computing capacity.' } }));
    expect(updated.status).toBe(200);
    expect(updated.body.concept.revision).toBeGreaterThan(rev);
    expect(updated.body.concept.definitions.en).toBe('Computing capacity.');

    const stale = await call('PUT', '/api/glossaries/test/concepts/compute', concept({ revision: rev }));
    expect(stale.status).toBe(409);

    const viaIfMatch = await call('PUT', '/api/glossaries/test/concepts/compute', concept(), { 'If-Match': `"${updated.body.concept.revision}"` });
    expect(viaIfMatch.status).toBe(200);
    const current = viaIfMatch.body.concept.revision;

    expect((await call('DELETE', `/api/glossaries/test/concepts/compute?revision=${rev}`)).status).toBe(409);
    expect((await call('DELETE', '/api/glossaries/test/concepts/compute', undefined, { 'If-Match': `"${current}"` })).status).toBe(204);
    expect((await call('GET', '/api/glossaries/test/concepts/compute')).status).toBe(404);
  });

  it('rejects invalid concepts with 422 and every problem, and mismatched ids with 400', async () => {
    const invalid = await call('PUT', '/api/glossaries/test/concepts/bad', { revision: 0, terms: [{ text: '', lang: 'en', status: 'nice' }] });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.code).toBe('invalid_input');
    expect(invalid.body.error.details.length).toBeGreaterThanOrEqual(2);
    const mismatch = await call('PUT', '/api/glossaries/test/concepts/one', concept({ id: 'other', revision: 0 }));
    expect(mismatch.status).toBe(400);
  });

  it('creates glossaries (409 when the id is taken) and keeps built-in ones read-only', async () => {
    const created = await call('POST', '/api/glossaries', { id: 'mine', name: 'My terms' });
    expect(created.status).toBe(201);
    expect(created.body.glossary).toMatchObject({ id: 'mine', name: 'My terms', languages: ['zh-Hans', 'en'] });
    expect((await call('POST', '/api/glossaries', { id: 'mine', name: 'Again' })).status).toBe(409);
    expect((await call('POST', '/api/glossaries', { id: '-bad id', name: 'x' })).status).toBe(422);
    expect((await call('POST', '/api/glossaries', { name: 'no id' })).status).toBe(400);
    const readOnly = await call('PUT', '/api/glossaries/builtin/concepts/compute', concept({ revision: 0 }));
    expect(readOnly.status).toBe(409);
  });
});
