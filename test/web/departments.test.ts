import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { departmentRole, departmentRoles } from '../../web/src/lib/departments.ts';

describe("departments' roles in English", () => {
  it('names the role and the level', () => {
    expect(departmentRole('市经合局')).toBe('city investment promotion and economic cooperation bureau');
    expect(departmentRole('省税务局')).toBe('provincial tax bureau');
    expect(departmentRole('市场监管厅知识产权促进处')).toBe('provincial intellectual property office');
    expect(departmentRole('市市场监管局')).toBe('city market regulation administration');
    expect(departmentRole('国网银川供电公司')).toBe('power supply company');
    expect(departmentRole('某某中心')).toBeNull();
  });

  it('reads a list of departments, known ones in order, once each', () => {
    expect(departmentRoles('市工信局、市财政局')).toEqual(['city industry and information technology bureau', 'city finance bureau']);
    expect(departmentRoles('市发展改革委、市发改委等')).toEqual(['city development and reform commission']);
  });

  it('knows a role for nearly every department the corpus names', () => {
    const departments = new Set<string>();
    for (const file of readdirSync('rules').filter((f) => f.endsWith('.json') && f !== 'schema.json')) {
      for (const rule of JSON.parse(readFileSync(`rules/${file}`, 'utf8')).rules) if (rule.department) departments.add(rule.department);
    }
    const unknown = [...departments].filter((d) => departmentRoles(d).length === 0);
    expect(unknown.length / departments.size).toBeLessThan(0.05);
  });
});
