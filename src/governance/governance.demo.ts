import type { DemoPart } from '../demo/demo.js';
import { systemActor } from '../orgs/actor.js';
import { demoId } from '../orgs/orgs.demo.js';
import { todayIn } from '../platform/dates.js';

/**
 * Two demo cooperatives with the Peruvian statute preset and their ordinary general assembly convened
 * for next month, the roll of members in good standing frozen at the cut-off. (Past assemblies with
 * their votes and signed minutes come with elections and the minutes workflow.)
 */
const ASSEMBLY_COOPS = ['cecafe', 'origin-coffee'] as const;

export const governanceDemo: DemoPart = {
  name: 'statutes and an ordinary general assembly convened for next month',
  async load(ctx) {
    const { governance, deps } = ctx.services;
    const actor = systemActor('demo');
    const today = todayIn('America/Lima', deps.clock.now());
    const day = new Date(Date.parse(`${today}T14:00:00Z`) + 30 * 86_400_000);
    for (const slug of ASSEMBLY_COOPS) {
      await governance.setStatute(actor, slug, {
        id: demoId(`statute:${slug}`),
        effectiveFrom: '2020-01-01',
        preset: 'PE',
      });
      const assembly = await governance.convene(actor, slug, {
        id: demoId(`assembly:${slug}`),
        kind: 'ordinary',
        title: 'Asamblea General Ordinaria (demo)',
        place: 'Local institucional de la cooperativa',
        firstCallAt: day.toISOString(),
        secondCallAt: new Date(day.getTime() + 60 * 60_000).toISOString(),
        cutoffDate: today,
        agenda: [
          'Lectura y aprobación del acta anterior',
          'Memoria del Consejo de Administración',
          'Estados financieros y distribución de remanentes',
          'Plan de uso de la prima de Comercio Justo',
          'Elección de miembros del Consejo de Vigilancia',
        ],
      });
      ctx.progress(`demo: ${slug}: assembly convened with ${assembly.eligible} members in good standing`);
    }
  },
};
