/**
 * The Express application (no listen: see server.ts). Routers live in src/http/routes/<name>.ts and export
 * `<name>Router(engine)`; to add one, add ONE import and ONE `app.use('/api', …)` line in mountRouters.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import express from 'express';
import type { Express } from 'express';
import helmet from 'helmet';
import type { Engine } from '../service/engine.js';
import { publicDir } from '../i18n/project.js';
import { apiNotFound, errorHandler } from './error-handler.js';
import { lookupRouter } from './routes/lookup.js';
import { annotateRouter } from './routes/annotate.js';
import { glossariesRouter } from './routes/glossaries.js';
import { checkRouter } from './routes/check.js';
import { ioRouter } from './routes/io.js';
import { extractRouter } from './routes/extract.js';

export interface AppOptions {
  /** Largest accepted file upload in bytes (read by upload routes from `app.locals.limits`). @default 50 MiB */
  maxUploadBytes?: number;
  /** Largest accepted JSON request body in bytes. @default 5 MiB */
  maxJsonBytes?: number;
  /** Longest text accepted by POST /api/annotate, in UTF-16 code units. @default 2,000,000 */
  maxAnnotateChars?: number;
  /** Where unexpected (500) errors are logged. @default console.error */
  logError?: (error: unknown) => void;
}

/** Limits every route can read from `req.app.locals.limits`. */
export interface AppLimits {
  maxUploadBytes: number;
  maxJsonBytes: number;
  maxAnnotateChars: number;
}

/** Mounts every API router under /api (one line per feature). */
function mountRouters(app: Express, engine: Engine): void {
  app.use('/api', lookupRouter(engine));
  app.use('/api', annotateRouter(engine));
  app.use('/api', glossariesRouter(engine));
  app.use('/api', checkRouter(engine));
  app.use('/api', ioRouter(engine));
  app.use('/api', extractRouter(engine));
}

/** Builds the app: security headers, JSON body parsing, static page, API routers, JSON errors. */
export function createApp(engine: Engine, options: AppOptions = {}): Express {
  const limits: AppLimits = {
    maxUploadBytes: options.maxUploadBytes ?? 50 * 2 ** 20,
    maxJsonBytes: options.maxJsonBytes ?? 5 * 2 ** 20,
    maxAnnotateChars: options.maxAnnotateChars ?? 2_000_000,
  };
  const app = express();
  app.locals.limits = limits;
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      // Served on http://127.0.0.1 by default: no HSTS, no upgrade of requests to https.
      strictTransportSecurity: false,
    }),
  );
  app.use(express.json({ limit: limits.maxJsonBytes }));

  app.get('/api/health', (_req, res) => {
    res.json({ ok: true, store: engine.store.description });
  });
  mountRouters(app, engine);
  app.use('/api', apiNotFound);

  const i18nextEsm = path.join(path.dirname(createRequire(import.meta.url).resolve('i18next/package.json')), 'dist/esm/i18next.js');
  app.get('/vendor/i18next.js', (_req, res) => {
    res.type('text/javascript').sendFile(i18nextEsm);
  });
  app.use(express.static(publicDir(), { index: 'index.html', maxAge: 0 }));
  app.use(errorHandler(options.logError ? { log: options.logError } : {}));
  return app;
}
