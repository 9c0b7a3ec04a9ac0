/**
 * Editing a concept from a lookup result, in headless Chromium against the real app (memory store): change the
 * definition and add a term (lookup then finds it), a save that lost a race gets the conflict and can load the
 * other version instead of overwriting it, delete with confirmation, and no edit button on a built-in glossary.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, openApp } from '../support/browser.js';
import type { TestBrowser } from '../support/browser.js';
import { fixtureEngine, startTestServer } from '../http/fixture.js';
import type { TestServer } from '../http/fixture.js';

let server: TestServer;
let browser: TestBrowser;
const problems: string[] = [];

beforeAll(async () => {
  const engine = await fixtureEngine();
  await engine.store.replaceGlossary({ id: 'builtin', name: 'Built in', languages: ['zh-Hans', 'en'], builtIn: true }, [
    { id: 'grid', definitions: {}, notes: [], terms: [{ text: '电网', lang: 'zh-Hans', status: 'preferred' }, { text: 'power grid', lang: 'en', status: 'preferred' }] },
  ]);
  server = await startTestServer({ engine });
  browser = await launchBrowser({ locale: 'en-US' });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function search(q: string): Promise<Page> {
  const page = await openApp(browser, server.url, problems, { ignoreConsole: 'the server responded with a status of 409' });
  await page.locator('#lookup-input').fill(q);
  await page.locator('#lookup-results .result').first().waitFor();
  return page;
}

async function api(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(`${server.url}${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, json: res.status === 204 ? null : await res.json() };
}

describe('concept editor', () => {
  it('edits the definition and adds a term; lookup finds the new term', async () => {
    const page = await search('export controls');
    const card = page.locator('#lookup-results .result[data-concept-id="export-controls"]');
    await card.locator('.edit-concept').click();
    const form = page.locator('.concept-editor');
    await form.waitFor();
    const en = form.locator('textarea.editor-definition[data-lang="en"]');
    expect(await en.inputValue()).toContain('Government restrictions');
    await en.fill('Restrictions on exporting goods and technology, edited in the browser.');
    await form.locator('#editor-add-term').click();
    const added = form.locator('tr.editor-term').last();
    await added.locator('input.term-input-text').fill('export regime');
    await added.locator('select').nth(0).selectOption('en');
    await added.locator('select').nth(1).selectOption('admitted');
    await added.locator('input.term-input-context').fill('The export regime covers chips.');
    await form.locator('#editor-save').click();
    await expect.poll(() => page.locator('#lookup-status').innerText()).toBe('Saved export-controls.');
    expect(await card.innerText()).toContain('edited in the browser');
    expect(await card.innerText()).toContain('export regime');

    const stored = await api('GET', '/api/glossaries/test/concepts/export-controls');
    expect(stored.json.concept.revision).toBe(2);
    const term = stored.json.concept.terms.find((t: { text: string }) => t.text === 'export regime');
    expect(term).toMatchObject({ lang: 'en', status: 'admitted', context: 'The export regime covers chips.' });
    // fields the form does not show are kept
    expect(stored.json.concept.terms.find((t: { text: string }) => t.text === '出口限制')).toMatchObject({ status: 'deprecated', note: 'too general', partOfSpeech: 'noun' });

    await page.locator('#lookup-input').fill('export regime');
    await expect.poll(() => page.locator('#lookup-results .result').first().getAttribute('data-concept-id')).toBe('export-controls');
    await page.close();
  });

  it('does not overwrite a change saved meanwhile: shows the conflict and loads the other version', async () => {
    const page = await search('data center');
    const card = page.locator('#lookup-results .result[data-concept-id="data-center"]');
    await card.locator('.edit-concept').click();
    const form = page.locator('.concept-editor');
    await form.waitFor();
    await form.locator('#editor-subject').fill('my change');

    // someone else saves first
    const current = await api('GET', '/api/glossaries/test/concepts/data-center');
    const theirs = { ...current.json.concept, subjectField: 'their change' };
    expect((await api('PUT', '/api/glossaries/test/concepts/data-center', theirs)).status).toBe(200);

    await form.locator('#editor-save').click();
    const alert = form.locator('.editor-status .error-box');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/changed this in the meantime/);
    expect((await api('GET', '/api/glossaries/test/concepts/data-center')).json.concept.subjectField).toBe('their change');

    await form.locator('#editor-reload').click();
    await expect.poll(() => page.locator('.concept-editor #editor-subject').inputValue()).toBe('their change');
    await page.close();
  });

  it('deletes a concept after confirmation', async () => {
    const created = await api('PUT', '/api/glossaries/test/concepts/tmp-concept', {
      revision: 0,
      definitions: {},
      notes: [],
      terms: [{ text: 'zzscratch', lang: 'en', status: 'preferred' }],
    });
    expect(created.status).toBe(201);
    const page = await search('zzscratch');
    page.once('dialog', (d) => void d.accept());
    await page.locator('#lookup-results .result[data-concept-id="tmp-concept"] .edit-concept').click();
    await page.locator('#editor-delete').click();
    await expect.poll(() => page.locator('#lookup-status').innerText()).toBe('Deleted tmp-concept.');
    expect((await api('GET', '/api/glossaries/test/concepts/tmp-concept')).status).toBe(404);
    await page.close();
  });

  it('offers no edit button on a built-in glossary', async () => {
    const page = await search('power grid');
    const card = page.locator('#lookup-results .result[data-concept-id="grid"]');
    await card.waitFor();
    expect(await card.locator('.edit-concept').count()).toBe(0);
    await page.close();
    expect(problems).toEqual([]);
  });
});

describe('new concept from the lookup page', () => {
  it('creates a concept prefilled with a query that found nothing; lookup then finds it', async () => {
    const page = await search('export controls'); // any page; then a query with no result
    await page.locator('#lookup-input').fill('量子退火');
    await expect.poll(() => page.locator('#lookup-status').innerText()).toMatch(/No concept found/);
    await page.click('#lookup-new');
    const form = page.locator('#lookup-new-concept .concept-editor');
    await form.waitFor();
    const rows = form.locator('tr.editor-term');
    expect(await rows.nth(0).locator('input.term-input-text').inputValue()).toBe('量子退火');
    await rows.nth(1).locator('input.term-input-text').fill('quantum annealing');
    await form.locator('textarea.editor-definition[data-lang="en"]').fill('An optimisation method on quantum hardware.');
    expect(await form.locator('#editor-glossary').inputValue()).toBe('test'); // the editable glossary
    await form.locator('#editor-save').click();
    await expect.poll(() => page.locator('#lookup-status').innerText()).toBe('Saved quantum-annealing.');
    const card = page.locator('#lookup-results .result[data-concept-id="quantum-annealing"]');
    expect(await card.locator('.pair').innerText()).toMatch(/量子退火\s*↔\s*quantum annealing/);
    const stored = await api('GET', '/api/glossaries/test/concepts/quantum-annealing');
    expect(stored.json.concept).toMatchObject({ revision: 1, definitions: { en: 'An optimisation method on quantum hardware.' } });
    expect(stored.json.concept.terms).toEqual([
      { text: '量子退火', lang: 'zh-Hans', status: 'preferred' },
      { text: 'quantum annealing', lang: 'en', status: 'preferred' },
    ]);

    // the id is taken now: a second concept with the same English term gets a clear conflict, nothing is overwritten
    await page.locator('#lookup-input').fill('zzunknown');
    await expect.poll(() => page.locator('#lookup-status').innerText()).toMatch(/No concept found/);
    await page.click('#lookup-new');
    await form.waitFor();
    await form.locator('tr.editor-term').nth(1).locator('input.term-input-text').fill('quantum annealing');
    await form.locator('#editor-save').click();
    await form.locator('.editor-status .error-box').waitFor();
    expect((await api('GET', '/api/glossaries/test/concepts/quantum-annealing')).json.concept.revision).toBe(1);
    await page.close();
  });
});

describe('new concept on a fresh install (only built-in glossaries)', () => {
  it('creates a glossary of one\'s own on the way', async () => {
    const engine = await fixtureEngine();
    await engine.store.deleteGlossary('test');
    await engine.store.replaceGlossary({ id: 'builtin', name: 'Built in', languages: ['zh-Hans', 'en'], builtIn: true }, [
      { id: 'grid', definitions: {}, notes: [], terms: [{ text: '电网', lang: 'zh-Hans', status: 'preferred' }, { text: 'power grid', lang: 'en', status: 'preferred' }] },
    ]);
    const fresh = await startTestServer({ engine });
    const page = await browser.context.newPage();
    try {
      await page.goto(`${fresh.url}/`);
      await page.waitForSelector('body[data-ready="true"]');
      await page.locator('#lookup-input').fill('grid operator');
      await page.locator('#lookup-new').waitFor();
      await page.click('#lookup-new');
      const form = page.locator('#lookup-new-concept .concept-editor');
      await form.waitFor();
      expect(await form.locator('#editor-glossary').inputValue()).toBe('my-terms');
      // without any term nothing is stored, not even the new glossary
      await form.locator('tr.editor-term').nth(1).locator('input.term-input-text').fill('');
      await form.locator('#editor-save').click();
      await expect.poll(() => form.locator('.editor-status .error-box').innerText()).toBe('Type at least one term.');
      expect((await fetch(`${fresh.url}/api/glossaries`).then((r) => r.json())).glossaries.map((g: { id: string }) => g.id)).toEqual(['builtin']);
      await form.locator('tr.editor-term').nth(1).locator('input.term-input-text').fill('grid operator');
      await form.locator('tr.editor-term').nth(0).locator('input.term-input-text').fill('电网运营商');
      await form.locator('#editor-save').click();
      await expect.poll(() => page.locator('#lookup-status').innerText()).toBe('Saved grid-operator.');
      const res = await fetch(`${fresh.url}/api/glossaries/my-terms/concepts/grid-operator`);
      expect(res.status).toBe(200);
    } finally {
      await page.close();
      await fresh.close();
    }
  });
});
