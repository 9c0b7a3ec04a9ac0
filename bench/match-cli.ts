/**
 * One whole process of the matching benchmark: start, read the terms, build (or load a saved automaton),
 * read and scan the text, print the count. Usage:
 *   node match-cli.mjs <impl|shuyu-load> <ll|ov> <terms.txt|automaton.bin> <text.txt>
 * bench/match.bench.ts bundles this file with esbuild so that no TypeScript loader is timed.
 */
import { readFileSync } from 'node:fs';
import { build, loadCounter, prepare } from './match-impls.js';
import type { Impl, Mode } from './match-impls.js';

const [impl, mode, source, textFile] = process.argv.slice(2) as [string, Mode, string, string];
if (impl !== 'shuyu-load') await prepare(impl as Impl);
const counter =
  impl === 'shuyu-load'
    ? loadCounter(readFileSync(source), mode)
    : build(impl as Impl, readFileSync(source, 'utf8').split('\n').filter(Boolean), mode);
if (!counter) throw new Error(`${impl} has no ${mode} mode`);
process.stdout.write(`${counter(readFileSync(textFile, 'utf8'))}\n`);
