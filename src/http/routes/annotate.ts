/** POST /api/annotate {text, glossaries?, overlapping?, script?} — every glossary term in the text with its position and pair. */
import { Router } from 'express';
import { z } from 'zod';
import type { Engine } from '../../service/engine.js';
import { annotateText } from '../../service/annotate.js';
import { parseRequest } from '../validate.js';
import type { AppLimits } from '../app.js';

const bodySchema = z.object({
  text: z.string({ error: 'text is required (a string)' }),
  glossaries: z.array(z.string().min(1)).max(100).optional(),
  overlapping: z.boolean().optional(),
  script: z.enum(['auto', 'simplified', 'traditional'], { error: 'script must be auto, simplified or traditional' }).optional(),
});

export function annotateRouter(engine: Engine): Router {
  const router = Router();
  router.post('/annotate', async (req, res) => {
    const body = parseRequest(bodySchema, req.body ?? {}, 'body');
    const limits = req.app.locals.limits as AppLimits | undefined;
    const matches = await annotateText(engine, body.text, {
      ...(body.glossaries ? { glossaryIds: body.glossaries } : {}),
      overlapping: body.overlapping ?? false,
      ...(body.script ? { script: body.script } : {}),
      ...(limits ? { maxChars: limits.maxAnnotateChars } : {}),
    });
    res.json({ matches });
  });
  return router;
}
