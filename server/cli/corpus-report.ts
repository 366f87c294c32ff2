/** `npm run corpus:report`: per document and in total, rules, concrete rules, computed amounts, examples, and why a
 * document has no rules. */
import { loadRuleFiles } from '../corpus/load.ts';
import { corpusTotals, documentReport } from '../corpus/report.ts';

const reports = loadRuleFiles('rules').map(({ file }) => documentReport(file));
const row = (...cells: (string | number)[]) => cells.map((c, i) => (i === 0 ? String(c).padEnd(58) : String(c).padStart(9))).join('');

console.log(row('document', 'rules', 'concrete', 'amounts', 'examples'));
for (const r of reports) console.log(row(`${r.id} (${r.city ?? r.province})`, r.rules, r.concrete, r.computedAmounts, r.examples));
const totals = corpusTotals(reports);
console.log(row('TOTAL', totals.rules, totals.concrete, totals.computedAmounts, totals.examples));
console.log(`\n${totals.documents} documents; ${totals.rules} rules (${totals.concrete} concrete, ${totals.vague} vague); ${totals.computedAmounts} with computed amounts; ${totals.examples} examples.`);
console.log(`\n${totals.documentsWithoutRules} documents without rules:`);
for (const r of reports.filter((x) => x.noRulesBecause)) console.log(`- ${r.id}: ${r.noRulesBecause}`);
const scopeOnly = reports.flatMap((r) => r.scopeOnly);
console.log(`\n${totals.withExclusions} rules with exclusions. ${scopeOnly.length} concrete rules decide on region and entity type alone without a recorded reason${scopeOnly.length ? ':' : '.'}`);
for (const id of scopeOnly) console.log(`- ${id}`);
