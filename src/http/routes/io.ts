/**
 * Import and export over HTTP:
 *   GET  /api/formats                                  glossary formats (id, name, extensions, read/write, cannotHold)
 *   GET  /api/glossaries/:id/export?format=tbx|xlsx|csv|tsv|json|yaml&lang=zh-Hans,en&status=preferred&layout=concept|term
 *        → a download; Content-Disposition per RFC 6266 with an RFC 5987 `filename*` so Chinese names survive
 *   POST /api/glossaries/:id/import?dryRun=1&onDuplicate=skip|merge|overwrite|keep&lang=&format=&encoding=
 *        multipart field `file` (optional field `mapping`: JSON {header: field}) → `{ report }`;
 *        the glossary is created when missing; a bad file answers 422 with every row error in `error.details`.
 */
import { Router } from 'express';
import type { Request } from 'express';
import multer from 'multer';
import { z } from 'zod';
import { ShuyuError } from '../../core/errors.js';
import { formats } from '../../formats/registry.js';
import type { Engine } from '../../service/engine.js';
import { exportGlossary, parseList } from '../../service/export.js';
import { DUPLICATE_POLICIES, importGlossary } from '../../service/import.js';
import type { AppLimits } from '../app.js';
import { parseRequest } from '../validate.js';

const exportQuery = z.object({
  format: z.string({ error: 'format is required (tbx, xlsx, csv, tsv, json, yaml)' }).min(1).max(20),
  lang: z.string().max(500).optional(),
  status: z.string().max(200).optional(),
  layout: z.enum(['concept', 'term']).default('concept'),
});

const flag = z
  .string()
  .optional()
  .transform((v) => v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false');

const importQuery = z.object({
  dryRun: flag,
  onDuplicate: z.enum(DUPLICATE_POLICIES).default('skip'),
  lang: z.string().max(500).optional(),
  format: z.string().max(20).optional(),
  encoding: z.string().max(40).optional(),
});

const mappingSchema = z.record(z.string().max(200), z.string().max(100));

/** `attachment; filename="ascii"; filename*=UTF-8''percent-encoded` (RFC 6266 + RFC 5987). */
export function contentDisposition(fileName: string): string {
  const safe = fileName.replace(/[\u0000-\u001f\u007f"\\/]/g, '_');
  const ext = /\.[A-Za-z0-9]+$/.exec(safe)?.[0] ?? '';
  let ascii = safe.replace(/[^\x20-\x7e]/g, '_');
  if (/^[_\s]*$/.test(ascii.slice(0, ascii.length - ext.length))) ascii = `glossary${ext}`;
  const encoded = encodeURIComponent(safe).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

function upload(req: Request) {
  const limits = req.app.locals.limits as AppLimits;
  // defParamCharset keeps Chinese file names intact (multer 2 supports it; its types lag behind)
  const options = { storage: multer.memoryStorage(), limits: { fileSize: limits.maxUploadBytes, files: 1, fields: 10 }, defParamCharset: 'utf8' };
  return multer(options as multer.Options).single('file');
}

function multerError(e: unknown, limit: number): ShuyuError {
  const err = e as { code?: string; message?: string };
  if (err.code === 'LIMIT_FILE_SIZE') return new ShuyuError('too_large', `The uploaded file is larger than the limit of ${limit} bytes`, { params: { limit }, cause: e });
  if (err.code === 'LIMIT_UNEXPECTED_FILE') return new ShuyuError('usage', 'Upload one file in the "file" field', { cause: e });
  return new ShuyuError('usage', `Bad upload: ${err.message ?? 'unreadable form'}`, { cause: e });
}

export function ioRouter(engine: Engine): Router {
  const router = Router();

  router.get('/formats', (_req, res) => {
    res.json({
      formats: formats
        .filter((f) => f.kind === 'glossary')
        .map((f) => ({
          id: f.id,
          name: f.name,
          extensions: f.extensions,
          mediaTypes: f.mediaTypes,
          canRead: f.kind === 'glossary' && Boolean(f.read),
          canWrite: f.kind === 'glossary' && Boolean(f.write),
          cannotHold: f.kind === 'glossary' ? f.cannotHold : [],
        })),
    });
  });

  router.get('/glossaries/:id/export', async (req, res) => {
    const q = parseRequest(exportQuery, req.query, 'query');
    const langs = parseList(q.lang);
    const statuses = parseList(q.status);
    const result = await exportGlossary(engine.store, req.params.id, {
      format: q.format,
      layout: q.layout,
      ...(langs ? { langs } : {}),
      ...(statuses ? { statuses } : {}),
    });
    const info = await engine.store.getGlossary(req.params.id);
    const base = info?.name?.trim() || req.params.id;
    const ext = result.fileName.slice(result.fileName.lastIndexOf('.'));
    res
      .status(200)
      .type(result.mediaType)
      .set('Content-Disposition', contentDisposition(`${base}${ext}`))
      .set('X-Content-Type-Options', 'nosniff')
      .set('X-Shuyu-Warnings', encodeURIComponent(result.warnings.map((w) => w.message).join(' | ')).slice(0, 4000))
      .send(Buffer.from(result.bytes.buffer, result.bytes.byteOffset, result.bytes.byteLength));
  });

  router.post('/glossaries/:id/import', async (req, res) => {
    const limit = (req.app.locals.limits as AppLimits).maxUploadBytes;
    await new Promise<void>((resolve, reject) => upload(req)(req, res, (e?: unknown) => (e ? reject(multerError(e, limit)) : resolve())));
    const q = parseRequest(importQuery, req.query, 'query');
    const file = req.file;
    if (!file) throw new ShuyuError('usage', 'Upload the glossary file in the "file" field');
    let mapping: Record<string, string> | undefined;
    const rawMapping = (req.body as Record<string, unknown> | undefined)?.mapping;
    if (typeof rawMapping === 'string' && rawMapping.trim() !== '') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(rawMapping);
      } catch {
        throw new ShuyuError('usage', 'mapping must be JSON: {"Header": "field"}');
      }
      mapping = parseRequest(mappingSchema, parsed, 'mapping');
    }
    const langs = parseList(q.lang);
    const report = await importGlossary(
      engine.store,
      { name: file.originalname, bytes: new Uint8Array(file.buffer.buffer, file.buffer.byteOffset, file.buffer.byteLength) },
      {
        into: req.params.id,
        onDuplicate: q.onDuplicate,
        dryRun: q.dryRun,
        ...(langs ? { langs } : {}),
        ...(q.format ? { format: q.format } : {}),
        ...(q.encoding ? { encoding: q.encoding } : {}),
        ...(mapping ? { mapping } : {}),
        limits: { maxBytes: limit },
      },
    );
    res.status(report.dryRun ? 200 : report.createdGlossary ? 201 : 200).json({ report });
  });

  return router;
}
