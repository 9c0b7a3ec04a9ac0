/**
 * Glossaries and their concepts:
 *   GET    /api/glossaries                                   list (with concept counts)
 *   POST   /api/glossaries                                   create an empty glossary {id, name, description?, languages?}
 *   GET    /api/glossaries/:id/concepts?offset=&limit=       one page of concepts in id order
 *   GET    /api/glossaries/:id/concepts/:conceptId           one concept (ETag = its revision)
 *   PUT    /api/glossaries/:id/concepts/:conceptId           create/replace; needs `revision` (body) or If-Match; 409 when stale
 *   DELETE /api/glossaries/:id/concepts/:conceptId           delete; `?revision=` or If-Match optional
 */
import { Router } from 'express';
import type { Request } from 'express';
import { z } from 'zod';
import type { Engine } from '../../service/engine.js';
import { createGlossary, deleteConcept, getConcept, listConcepts, listGlossaries, MAX_PAGE, putConcept } from '../../service/glossaries.js';
import { ShuyuError } from '../../core/errors.js';
import { parseRequest } from '../validate.js';

const pageSchema = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(50),
});

const newGlossarySchema = z.object({
  id: z.string({ error: 'id is required' }).min(1),
  name: z.string({ error: 'name is required' }).trim().min(1, 'name is empty').max(500),
  description: z.string().max(5000).optional(),
  languages: z.array(z.string().min(2).max(35)).max(50).optional(),
});

const revisionSchema = z.coerce.number({ error: 'revision must be a number' }).int().min(0, 'revision must be 0 or more');

/** The revision from If-Match (`"3"`, `W/"3"`, `3`) or from the given fallback value. */
function revisionFrom(req: Request, fallback: unknown): number | undefined {
  const header = req.get('if-match');
  const raw = header !== undefined ? header.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1') : fallback;
  if (raw === undefined || raw === '') return undefined;
  return parseRequest(revisionSchema, raw, 'revision');
}

export function glossariesRouter(engine: Engine): Router {
  const router = Router();

  router.get('/glossaries', async (_req, res) => {
    res.json({ glossaries: await listGlossaries(engine) });
  });

  router.post('/glossaries', async (req, res) => {
    const body = parseRequest(newGlossarySchema, req.body ?? {}, 'body');
    const glossary = await createGlossary(engine, body);
    res.status(201).location(`/api/glossaries/${encodeURIComponent(glossary.id)}`).json({ glossary });
  });

  router.get('/glossaries/:id/concepts', async (req, res) => {
    const page = parseRequest(pageSchema, req.query, 'query');
    res.json(await listConcepts(engine, req.params.id, page.offset, page.limit));
  });

  router.get('/glossaries/:id/concepts/:conceptId', async (req, res) => {
    const concept = await getConcept(engine, req.params.id, req.params.conceptId);
    res.set('ETag', `"${concept.revision}"`).json({ concept });
  });

  router.put('/glossaries/:id/concepts/:conceptId', async (req, res) => {
    const body: unknown = req.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new ShuyuError('usage', 'The body must be a JSON object (a concept with its revision)');
    }
    const revision = revisionFrom(req, (body as { revision?: unknown }).revision);
    if (revision === undefined) {
      throw new ShuyuError('usage', 'revision is required: the revision your copy is based on (0 to create), in the body or If-Match');
    }
    const concept = await putConcept(engine, req.params.id, req.params.conceptId, body, revision);
    res
      .status(revision === 0 ? 201 : 200)
      .set('ETag', `"${concept.revision}"`)
      .json({ concept });
  });

  router.delete('/glossaries/:id/concepts/:conceptId', async (req, res) => {
    const revision = revisionFrom(req, req.query.revision);
    await deleteConcept(engine, req.params.id, req.params.conceptId, revision);
    res.status(204).end();
  });

  return router;
}
