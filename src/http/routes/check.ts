/**
 * Checking uploaded translations:
 *   POST /api/check   multipart: `files` (one or more translated files, or a .zip of two i18next locale folders),
 *                     optional `waivers` (YAML/JSON file); fields `glossaries` (comma-separated ids, default all),
 *                     `sourceLang`, `targetLang`, `lang` (en|zh, messages), `format` (json default | text | html |
 *                     xlsx | sarif: a download), `checks` / `skip` / `allowed` (as on the command line).
 * JSON answer: `{ report }` (the CheckReport with a message per finding). Zip uploads are expanded in memory with
 * yauzl under limits: entry count, total uncompressed size (counted while inflating, not trusted from headers).
 */
import { Router } from 'express';
import type { Request } from 'express';
import multer from 'multer';
import yauzl from 'yauzl';
import YAML from 'yaml';
import { z } from 'zod';
import { parseWaivers } from '../../core/checks/index.js';
import type { Waiver } from '../../core/checks/index.js';
import { ShuyuError } from '../../core/errors.js';
import { REPORT_FORMATS, REPORT_MEDIA, jsonReport, writeReport } from '../../formats/reports/index.js';
import type { FileInput } from '../../formats/types.js';
import { checkFiles } from '../../service/check.js';
import type { Engine } from '../../service/engine.js';
import { runOptions, wantedInFolder } from '../../cli/commands/check.js';
import type { AppLimits } from '../app.js';
import { parseRequest } from '../validate.js';

/** Most entries read from an uploaded zip. */
export const MAX_ZIP_ENTRIES = 2000;
/** Most bytes inflated from an uploaded zip. */
export const MAX_ZIP_BYTES = 200 * 2 ** 20;

const fieldsSchema = z.object({
  glossaries: z.string().max(2000).optional(),
  sourceLang: z.string().min(2).max(35).optional().or(z.literal('').transform(() => undefined)),
  targetLang: z.string().min(2).max(35).optional().or(z.literal('').transform(() => undefined)),
  lang: z.enum(['en', 'zh']).default('en'),
  format: z.enum(REPORT_FORMATS).default('json'),
  checks: z.string().max(500).optional(),
  skip: z.string().max(500).optional(),
  allowed: z.string().max(200).optional(),
});

/** Expands a zip held in memory into file inputs (only files a folder check would take), within limits. */
export function unzipInputs(zipName: string, bytes: Buffer, limits: { maxEntries: number; maxBytes: number } = { maxEntries: MAX_ZIP_ENTRIES, maxBytes: MAX_ZIP_BYTES }): Promise<FileInput[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) => {
      if (err || !zip) return reject(new ShuyuError('parse_error', `${zipName} is not a readable zip file`, { params: { file: zipName }, cause: err }));
      const out: FileInput[] = [];
      let entries = 0;
      let total = 0;
      const fail = (e: ShuyuError) => {
        zip.close();
        reject(e);
      };
      zip.on('error', (e: Error) => fail(new ShuyuError('parse_error', `${zipName}: ${e.message}`, { params: { file: zipName }, cause: e })));
      zip.on('end', () => resolve(out));
      zip.on('entry', (entry: yauzl.Entry) => {
        entries++;
        if (entries > limits.maxEntries) return fail(new ShuyuError('too_large', `${zipName} has more than ${limits.maxEntries} entries`, { params: { file: zipName, limit: limits.maxEntries } }));
        const name = entry.fileName;
        if (name.endsWith('/') || name.startsWith('__MACOSX/') || name.split('/').includes('..') || !wantedInFolder(name)) return zip.readEntry();
        if (total + entry.uncompressedSize > limits.maxBytes) return fail(new ShuyuError('unsafe_input', `${zipName} expands to more than ${limits.maxBytes} bytes`, { params: { file: zipName, limit: limits.maxBytes } }));
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return fail(new ShuyuError('parse_error', `${zipName}: cannot read ${name}`, { params: { file: zipName }, cause: e }));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => {
            total += c.length;
            if (total > limits.maxBytes) {
              stream.destroy();
              fail(new ShuyuError('unsafe_input', `${zipName} expands to more than ${limits.maxBytes} bytes`, { params: { file: zipName, limit: limits.maxBytes } }));
              return;
            }
            chunks.push(c);
          });
          stream.on('error', (se: Error) => fail(new ShuyuError('parse_error', `${zipName}: ${se.message}`, { params: { file: zipName }, cause: se })));
          stream.on('end', () => {
            out.push({ name, bytes: new Uint8Array(Buffer.concat(chunks)) });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

function uploadMiddleware(req: Request) {
  const limits = req.app.locals.limits as AppLimits | undefined;
  // defParamCharset keeps Chinese file names intact (multer 2 supports it; its types lag behind)
  const options = {
    storage: multer.memoryStorage(),
    defParamCharset: 'utf8',
    limits: { fileSize: limits?.maxUploadBytes ?? 50 * 2 ** 20, files: 50, fields: 20 },
  };
  return multer(options as multer.Options).fields([
    { name: 'files', maxCount: 49 },
    { name: 'waivers', maxCount: 1 },
  ]);
}

function multerError(e: unknown): ShuyuError {
  const err = e as { code?: string; message?: string; field?: string };
  if (err.code === 'LIMIT_FILE_SIZE') return new ShuyuError('too_large', 'An uploaded file is larger than the limit', { cause: e });
  if (err.code?.startsWith('LIMIT_')) return new ShuyuError('usage', `Upload refused: ${err.message ?? err.code}`, { cause: e });
  return new ShuyuError('usage', `Bad upload: ${err.message ?? 'unreadable form'}`, { cause: e });
}

export function checkRouter(engine: Engine): Router {
  const router = Router();

  router.post('/check', async (req, res) => {
    await new Promise<void>((resolve, reject) => uploadMiddleware(req)(req, res, (e?: unknown) => (e ? reject(multerError(e)) : resolve())));
    const fields = parseRequest(fieldsSchema, req.body ?? {}, 'form');
    const files = (req.files as Record<string, Express.Multer.File[]> | undefined) ?? {};
    const uploads = files.files ?? [];
    if (uploads.length === 0) throw new ShuyuError('usage', 'Upload one or more files in the "files" field');
    const inputs: FileInput[] = [];
    for (const f of uploads) {
      if (/\.zip$/i.test(f.originalname)) inputs.push(...(await unzipInputs(f.originalname, f.buffer)));
      else inputs.push({ name: f.originalname, bytes: new Uint8Array(f.buffer.buffer, f.buffer.byteOffset, f.buffer.byteLength) });
    }
    if (inputs.length === 0) throw new ShuyuError('usage', 'The zip holds no translated files (XLIFF, TMX, CSV/TSV/XLSX, locale-named JSON)');
    let waivers: Waiver[] = [];
    const w = files.waivers?.[0];
    if (w) {
      let data: unknown;
      try {
        data = /\.json$/i.test(w.originalname) ? JSON.parse(w.buffer.toString('utf8')) : YAML.parse(w.buffer.toString('utf8'));
      } catch (e) {
        throw new ShuyuError('parse_error', `Malformed waiver file: ${(e as Error).message.split('\n')[0]}`, { params: { file: w.originalname }, cause: e });
      }
      waivers = parseWaivers(data ?? [], w.originalname);
    }
    const ids = fields.glossaries?.split(',').map((s) => s.trim()).filter(Boolean);
    const report = await checkFiles(engine, {
      inputs,
      ...(ids?.length ? { glossaryIds: ids } : {}),
      ...(fields.sourceLang ? { sourceLang: fields.sourceLang } : {}),
      ...(fields.targetLang ? { targetLang: fields.targetLang } : {}),
      options: runOptions(fields),
      waivers,
    });
    if (fields.format === 'json') {
      res.type('application/json').send(`{"report":${jsonReport(report, { lang: fields.lang })}}`);
      return;
    }
    const body = await writeReport(report, fields.format, { lang: fields.lang });
    const media = REPORT_MEDIA[fields.format];
    res
      .type(media.type)
      .set('Content-Disposition', `attachment; filename="shuyu-check.${media.ext}"`)
      .set('X-Content-Type-Options', 'nosniff')
      .send(typeof body === 'string' ? body : Buffer.from(body));
  });

  return router;
}
