/** `shuyu glossaries [--json]`: the glossaries in the store (or the --glossary files) with their sizes. */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { listGlossaries } from '../../service/glossaries.js';

export function registerGlossaries(program: Command, ctx: CliContext): void {
  program
    .command('glossaries')
    .description(ctx.t('cli-help:glossaries.description'))
    .option('--json', ctx.t('cli-help:glossaries.json'))
    .action(async (opts: { json?: boolean }) => {
      const glossaries = await listGlossaries(await ctx.engine());
      if (opts.json) {
        await ctx.out(JSON.stringify({ glossaries }, null, 2));
        return;
      }
      if (glossaries.length === 0) {
        await ctx.out(ctx.t('noGlossaries'));
        return;
      }
      const s = ctx.style;
      const idWidth = Math.max(...glossaries.map((g) => g.id.length), 2);
      for (const g of glossaries) {
        const flags = g.builtIn ? s.dim(` ${ctx.t('builtIn')}`) : '';
        await ctx.out(`${s.bold(g.id.padEnd(idWidth))}  ${String(g.conceptCount).padStart(6)} ${ctx.t('concepts')}  ${g.languages.join(', ')}  ${g.name}${flags}`);
      }
    });
}
