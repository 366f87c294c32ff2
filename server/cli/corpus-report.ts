/** `npm run corpus:report`: per document and in total, rules, concrete rules, computed amounts, examples, and why a
 * document has no rules. */
import { loadRuleFiles } from '../corpus/load.ts';
import { corpusTotals, documentReport } from '../corpus/report.ts';

const reports = loadRuleFiles('rules').map(({ file }) => documentReport(file));
const row = (...cells: (string | number)[]) => cells.map((c, i) => (i === 0 ? String(c).padEnd(58) : String(c).padStart(9))).join('');

const kind = (r: (typeof reports)[number], k: string) => r.byKind[k] ?? 0;
console.log(row('document', 'rules', 'concrete', 'amounts', 'examples', 'benefit', 'right', 'commit.', 'internal', 'for org.'));
for (const r of reports) {
  console.log(row(`${r.id} (${r.city ?? r.province})`, r.rules, r.concrete, r.computedAmounts, r.examples, kind(r, 'benefit'), kind(r, 'right'), kind(r, 'commitment'), kind(r, 'internal'), r.forOrganisations));
}
const totals = corpusTotals(reports);
const sumKind = (k: string) => reports.reduce((s, r) => s + kind(r, k), 0);
console.log(row('TOTAL', totals.rules, totals.concrete, totals.computedAmounts, totals.examples, sumKind('benefit'), sumKind('right'), sumKind('commitment'), sumKind('internal'), reports.reduce((s, r) => s + r.forOrganisations, 0)));
const situations = new Map<string, number>();
for (const r of reports) for (const [situation, n] of Object.entries(r.bySituation)) situations.set(situation, (situations.get(situation) ?? 0) + n);
console.log(`\nRules by situation: ${[...situations].sort((a, b) => b[1] - a[1]).map(([s, n]) => `${s} ${n}`).join(', ')}`);
console.log(`\n${totals.documents} documents; ${totals.rules} rules (${totals.concrete} concrete, ${totals.vague} vague); ${totals.computedAmounts} with computed amounts; ${totals.examples} examples.`);
console.log(`\n${totals.documentsWithoutRules} documents without rules:`);
for (const r of reports.filter((x) => x.noRulesBecause)) console.log(`- ${r.id}: ${r.noRulesBecause}`);
const scopeOnly = reports.flatMap((r) => r.scopeOnly);
console.log(`\n${totals.withExclusions} rules with exclusions. ${scopeOnly.length} concrete rules decide on region and entity type alone without a recorded reason${scopeOnly.length ? ':' : '.'}`);
for (const id of scopeOnly) console.log(`- ${id}`);
