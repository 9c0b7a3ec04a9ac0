/** GET /api/lookup?q=&limit=&glossary= — ranked concepts for a query (exact, variant, pinyin, prefix, fuzzy). */
import { Router } from 'express';
import { z } from 'zod';
import type { Engine } from '../../service/engine.js';
import { lookup, MAX_LOOKUP_LIMIT } from '../../service/lookup.js';
import { parseRequest } from '../validate.js';

const querySchema = z.object({
  q: z.string({ error: 'q is required' }).trim().min(1, 'q is empty').max(500, 'q is longer than 500 characters'),
  limit: z.coerce.number().int().min(1).max(MAX_LOOKUP_LIMIT).default(10),
  /** One glossary id, or several separated by commas (or repeated). */
  glossary: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((g) => (g === undefined ? [] : (Array.isArray(g) ? g : [g]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean))),
});

export function lookupRouter(engine: Engine): Router {
  const router = Router();
  router.get('/lookup', async (req, res) => {
    const query = parseRequest(querySchema, req.query, 'query');
    const results = await lookup(engine, { q: query.q, limit: query.limit, glossaryIds: query.glossary });
    res.json({ query: query.q, results });
  });
  return router;
}
