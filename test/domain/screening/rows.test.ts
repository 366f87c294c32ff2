import { describe, expect, it } from 'vitest';
import type { Cell } from '../../../server/domain/screening/cells.ts';
import { readApplicantRows, type SheetReading } from '../../../server/domain/screening/rows.ts';
import { importTemplate } from '../../../server/domain/screening/template.ts';

const read = (rows: Cell[][], asOf = '2024-06-01') => readApplicantRows(rows, { asOf });
const accepted = (reading: SheetReading) => {
  if (!reading.ok) throw new Error(JSON.stringify(reading.issues));
  return reading;
};
const refused = (reading: SheetReading) => {
  if (reading.ok) throw new Error('expected the sheet to be refused');
  return reading.issues;
};

describe('template columns', () => {
  it('reads field names, Chinese labels, option labels, money units and lists', () => {
    const { applicants, unread } = accepted(read([
      ['名称', 'province', '所在市（州）', '主体类型', '年主营业务收入（万元）', 'fixedAssetInvestmentYuan', '从业人数（人）', '所属行业', '规模以上（规上/限上）企业', '备注'],
      ['白银甲公司', '甘肃', '白银市', '企业', '2000', '200000000', '56', '制造业、新材料', '是', '老客户'],
      ['银川乙户', '宁夏回族自治区', '银川', 'individual_business', '', '', '', '', '否', ''],
    ]));
    expect(applicants).toEqual([
      {
        row: 2, name: '白银甲公司', creditCode: null, notScreened: null,
        profile: {
          province: '甘肃', city: '白银', entityType: 'enterprise', annualRevenueYuan: 20_000_000, fixedAssetInvestmentYuan: 200_000_000,
          employees: 56, industries: ['C', 'new_materials'], aboveDesignatedSize: true,
        },
      },
      { row: 3, name: '银川乙户', creditCode: null, notScreened: null, profile: { province: '宁夏', city: '银川', entityType: 'individual_business', aboveDesignatedSize: false } },
    ]);
    expect(unread).toEqual(['备注']);
  });

  it('skips empty rows and the template’s note rows, keeping sheet row numbers', () => {
    const { header, allowed, example } = importTemplate();
    const row = (name: string) => header.map((h) => ({ 名称: name, '注册所在省（区）': '甘肃', 主体类型: '企业' } as Record<string, string>)[h] ?? null);
    const { applicants } = accepted(read([header, allowed, example, row('甲'), [], header.map(() => ''), row('乙')]));
    expect(applicants.map((a) => [a.row, a.name])).toEqual([[4, '甲'], [7, '乙']]);
  });

  it('refuses the whole sheet with every bad row, column and reason', () => {
    const issues = refused(read([
      ['名称', '注册所在省（区）', '主体类型', '从业人数', '年主营业务收入（元）', '增值税纳税人类型', '所在市（州）'],
      ['甲', '甘肃', '企业', '五十', '100', '', ''],
      ['乙', '甘肃', '公司', '3.5', '-5', '大型纳税人', ''],
      ['', '甘肃', '企业', '', '', '', ''],
      ['丁', '', '企业', '', '', '', '西安'],
    ]));
    expect(issues).toEqual([
      { row: 2, column: '从业人数', message: expect.stringContaining('应为数字') },
      { row: 3, column: '主体类型', message: expect.stringContaining('应为以下之一') },
      { row: 3, column: '增值税纳税人类型', message: expect.stringContaining('小规模纳税人') },
      { row: 3, column: '从业人数', message: expect.stringContaining('整数') },
      { row: 3, column: '年主营业务收入（元）', message: expect.stringContaining('负数') },
      { row: 4, column: null, message: expect.stringContaining('缺少申请人名称') },
      { row: 5, column: '注册所在省（区）', message: expect.stringContaining('必填') },
    ]);
  });

  it('refuses a city of another province, naming where it is', () => {
    const issues = refused(read([['名称', '注册所在省（区）', '主体类型', '所在市（州）'], ['甲', '甘肃', '企业', '西安市']]));
    expect(issues).toEqual([{ row: 2, column: '所在市（州）', message: expect.stringMatching(/西安.*属于陕西/) }]);
  });

  it('refuses duplicate applicants: the same name, or the same credit code', () => {
    const issues = refused(read([
      ['名称', '统一社会信用代码', '注册所在省（区）', '主体类型'],
      ['甲公司', '', '甘肃', '企业'],
      ['甲公司', '', '甘肃', '企业'],
      ['乙公司', '914403001922038216', '甘肃', '企业'],
      ['乙公司（分）', '914403001922038216', '甘肃', '企业'],
    ]));
    expect(issues).toEqual([
      { row: 3, column: null, message: expect.stringContaining('与第 2 行是同一申请人') },
      { row: 5, column: null, message: expect.stringContaining('与第 4 行是同一申请人') },
    ]);
  });

  it('refuses headers that cannot be read: money without a unit, two columns for one fact, required columns missing', () => {
    expect(refused(read([['名称', '注册所在省（区）', '主体类型', '年主营业务收入'], ['甲', '甘肃', '企业', '1']]))).toEqual([
      { row: 1, column: null, message: expect.stringContaining('未注明单位') },
    ]);
    expect(refused(read([['名称', '注册所在省（区）', '所属省份', '主体类型'], ['甲', '甘肃', '甘肃', '企业']]))[0]!.message).toContain('只保留一列');
    expect(refused(read([['名称', '城市'], ['甲', '白银']])).map((i) => i.message)).toEqual([
      expect.stringContaining('注册所在省'), expect.stringContaining('主体类型'),
    ]);
    expect(refused(read([['名称', '注册所在省（区）', '主体类型']]))).toEqual([{ row: null, column: null, message: expect.stringContaining('没有申请人') }]);
  });
});

describe('registry extracts', () => {
  const header = [
    '序号', '企业名称', '系统匹配企业名称', '统一社会信用代码', '登记状态', '法定代表人', '企业（机构）类型', '成立日期', '注册资本', '实缴资本',
    '所属省份', '所属城市', '所属区县', '国标行业门类', '国标行业大类', '参保人数', '高新技术企业', '专精特新中小企业', '专精特新"小巨人"企业', '科技型中小企业', '电话',
  ];
  const extract: Cell[][] = [
    ['企业批量查询结果  导出时间：2024-05-30'],
    header,
    ['1', '白银某新材料', '白银某新材料有限公司', '914403001922038216', '存续（在营、开业、在册）', '张三', '有限责任公司（自然人投资或控股）', new Date(Date.UTC(2015, 2, 12)), '1000万元人民币', '500万元人民币',
      '甘肃省', '白银市', '白银区', 'C 制造业', 'C32 有色金属冶炼和压延加工业', '56', '是', '否', '否', '是', '0943-1234567'],
    ['2', '某某商贸部', '', '', '注销', '李四', '个体工商户', '2019-05-01', '-', '-', '甘肃省', '白银市', '', 'F', '', '2', '', '', '', '', ''],
    ['3', '兰州某物流', '兰州某物流有限公司', '91110108551385082Q', '吊销，未注销', '王五', '有限责任公司', '2010-01-01', '100万美元', '', '甘肃省', '兰州市', '', '', '', '', '', '', '', '', ''],
    ['4', '金昌某餐饮', '金昌某餐饮有限公司', '91350100M000100Y43', '在业', '赵六', '其他有限责任公司', '2023年12月1日', '50万元', '50万', '甘肃省', '金昌市', '', '', '62 餐饮业', '0', '', '', '', '', ''],
  ];

  it('reads each column as the registry writes it, and says what it read and left unread', () => {
    const reading = accepted(read(extract));
    expect(reading.applicants).toEqual([
      {
        row: 3, name: '白银某新材料有限公司', creditCode: '914403001922038216', notScreened: null,
        profile: {
          province: '甘肃', city: '白银', county: '白银区', entityType: 'enterprise', ownership: 'private', yearsOperating: 9.22,
          paidInCapitalYuan: 5_000_000, industries: ['C', 'C32'], employees: 56, certifications: ['high_tech', 'tech_sme'],
        },
      },
      expect.objectContaining({ row: 4, name: '某某商贸部', creditCode: null, notScreened: '登记状态：注销' }),
      expect.objectContaining({ row: 5, name: '兰州某物流有限公司', notScreened: '登记状态：吊销' }),
      {
        row: 6, name: '金昌某餐饮有限公司', creditCode: '91350100M000100Y43', notScreened: null,
        profile: { province: '甘肃', city: '金昌', entityType: 'enterprise', yearsOperating: 0.5, paidInCapitalYuan: 500_000, industries: ['H', 'H62'], employees: 0 },
      },
    ]);
    expect(reading.unread).toEqual(['序号', '法定代表人', '电话']);
    const uses = Object.fromEntries(reading.columns.map((c) => [c.column, c.reads]));
    expect(uses).toMatchObject({
      企业名称: 'name', 系统匹配企业名称: 'name', 统一社会信用代码: 'creditCode', '企业（机构）类型': 'entityType', 成立日期: 'yearsOperating',
      实缴资本: 'paidInCapitalYuan', 所属城市: 'city', 国标行业大类: 'industries', 参保人数: 'employees', '专精特新"小巨人"企业': 'certifications', 注册资本: '',
    });
  });

  it('refuses 万美元 capital, a bad check digit and a founding date after asOf', () => {
    const bad = extract.map((row) => [...row]);
    bad[5]![9] = '50万美元';
    bad[2]![3] = '914403001922038217';
    bad[2]![7] = '2024-07-01';
    expect(refused(read(bad))).toEqual([
      { row: 3, column: '统一社会信用代码', message: expect.stringContaining('校验位') },
      { row: 3, column: '成立日期', message: expect.stringContaining('晚于筛查日期') },
      { row: 6, column: '实缴资本', message: expect.stringContaining('外币') },
    ]);
  });
});
