/**
 * Every schema migration, in order. To change the schema, add `NNN-what.ts` exporting a Migration with the
 * next version and append it here; never edit or remove a released one (databases in the field ran it).
 */
import type { Migration } from './types.js';
import { migration001 } from './001-initial.js';
import { migration002 } from './002-rejections.js';

export const migrations: readonly Migration[] = [migration001, migration002];
