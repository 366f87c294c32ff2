/**
 * Industries by GB/T 4754-2017 (国民经济行业分类): 门类 (sections A–T, value "C") and 大类 (divisions 01–97, value "C14"),
 * as registry extracts give them, plus policy categories that no code decides. A profile's codes are expanded before
 * rules are judged (see derived-facts.ts): a division adds its section, a code the statistics bureau's sector
 * (三次产业划分规定, 2018: 第一产业 A except 05; 第二产业 B except 11, C except 43, D, E; the rest 第三产业) and 工业
 * (B, C, D), and the groups a code decides plainly (食品 13–15, 装备制造 33–40 as the bureau counts it …).
 */
import { option, type FactDefinition, type Option } from './definition.ts';

export const SECTIONS: readonly { code: string; name: string; en: string }[] = [
  { code: 'A', name: '农、林、牧、渔业', en: 'Agriculture, forestry, animal husbandry and fishery' },
  { code: 'B', name: '采矿业', en: 'Mining' },
  { code: 'C', name: '制造业', en: 'Manufacturing' },
  { code: 'D', name: '电力、热力、燃气及水生产和供应业', en: 'Electricity, heat, gas and water supply' },
  { code: 'E', name: '建筑业', en: 'Construction' },
  { code: 'F', name: '批发和零售业', en: 'Wholesale and retail trade' },
  { code: 'G', name: '交通运输、仓储和邮政业', en: 'Transport, storage and post' },
  { code: 'H', name: '住宿和餐饮业', en: 'Accommodation and catering' },
  { code: 'I', name: '信息传输、软件和信息技术服务业', en: 'Information transmission, software and IT services' },
  { code: 'J', name: '金融业', en: 'Finance' },
  { code: 'K', name: '房地产业', en: 'Real estate' },
  { code: 'L', name: '租赁和商务服务业', en: 'Leasing and business services' },
  { code: 'M', name: '科学研究和技术服务业', en: 'Scientific research and technical services' },
  { code: 'N', name: '水利、环境和公共设施管理业', en: 'Water, environment and public facilities management' },
  { code: 'O', name: '居民服务、修理和其他服务业', en: 'Resident, repair and other services' },
  { code: 'P', name: '教育', en: 'Education' },
  { code: 'Q', name: '卫生和社会工作', en: 'Health and social work' },
  { code: 'R', name: '文化、体育和娱乐业', en: 'Culture, sports and entertainment' },
  { code: 'S', name: '公共管理、社会保障和社会组织', en: 'Public administration, social security and organisations' },
  { code: 'T', name: '国际组织', en: 'International organisations' },
];

/** Divisions by two-digit code. */
export const DIVISION_NAMES: Readonly<Record<string, string>> = {
  '01': '农业', '02': '林业', '03': '畜牧业', '04': '渔业', '05': '农、林、牧、渔专业及辅助性活动',
  '06': '煤炭开采和洗选业', '07': '石油和天然气开采业', '08': '黑色金属矿采选业', '09': '有色金属矿采选业',
  '10': '非金属矿采选业', '11': '开采专业及辅助性活动', '12': '其他采矿业',
  '13': '农副食品加工业', '14': '食品制造业', '15': '酒、饮料和精制茶制造业', '16': '烟草制品业', '17': '纺织业',
  '18': '纺织服装、服饰业', '19': '皮革、毛皮、羽毛及其制品和制鞋业', '20': '木材加工和木、竹、藤、棕、草制品业',
  '21': '家具制造业', '22': '造纸和纸制品业', '23': '印刷和记录媒介复制业', '24': '文教、工美、体育和娱乐用品制造业',
  '25': '石油、煤炭及其他燃料加工业', '26': '化学原料和化学制品制造业', '27': '医药制造业', '28': '化学纤维制造业',
  '29': '橡胶和塑料制品业', '30': '非金属矿物制品业', '31': '黑色金属冶炼和压延加工业', '32': '有色金属冶炼和压延加工业',
  '33': '金属制品业', '34': '通用设备制造业', '35': '专用设备制造业', '36': '汽车制造业',
  '37': '铁路、船舶、航空航天和其他运输设备制造业', '38': '电气机械和器材制造业', '39': '计算机、通信和其他电子设备制造业',
  '40': '仪器仪表制造业', '41': '其他制造业', '42': '废弃资源综合利用业', '43': '金属制品、机械和设备修理业',
  '44': '电力、热力生产和供应业', '45': '燃气生产和供应业', '46': '水的生产和供应业',
  '47': '房屋建筑业', '48': '土木工程建筑业', '49': '建筑安装业', '50': '建筑装饰、装修和其他建筑业',
  '51': '批发业', '52': '零售业',
  '53': '铁路运输业', '54': '道路运输业', '55': '水上运输业', '56': '航空运输业', '57': '管道运输业',
  '58': '多式联运和运输代理业', '59': '装卸搬运和仓储业', '60': '邮政业',
  '61': '住宿业', '62': '餐饮业',
  '63': '电信、广播电视和卫星传输服务', '64': '互联网和相关服务', '65': '软件和信息技术服务业',
  '66': '货币金融服务', '67': '资本市场服务', '68': '保险业', '69': '其他金融业',
  '70': '房地产业',
  '71': '租赁业', '72': '商务服务业',
  '73': '研究和试验发展', '74': '专业技术服务业', '75': '科技推广和应用服务业',
  '76': '水利管理业', '77': '生态保护和环境治理业', '78': '公共设施管理业', '79': '土地管理业',
  '80': '居民服务业', '81': '机动车、电子产品和日用产品修理业', '82': '其他服务业',
  '83': '教育',
  '84': '卫生', '85': '社会工作',
  '86': '新闻和出版业', '87': '广播、电视、电影和录音制作业', '88': '文化艺术业', '89': '体育', '90': '娱乐业',
  '91': '中国共产党机关', '92': '国家机构', '93': '人民政协、民主党派', '94': '社会保障',
  '95': '群众团体、社会团体和其他成员组织', '96': '基层群众自治组织及其他组织',
  '97': '国际组织',
};

/** The first division of each section: a division belongs to the last section starting at or below it. */
const SECTION_STARTS: readonly [string, number][] = [
  ['A', 1], ['B', 6], ['C', 13], ['D', 44], ['E', 47], ['F', 51], ['G', 53], ['H', 61], ['I', 63], ['J', 66],
  ['K', 70], ['L', 71], ['M', 73], ['N', 76], ['O', 80], ['P', 83], ['Q', 84], ['R', 86], ['S', 91], ['T', 97],
];

export const sectionOfDivision = (division: string): string => {
  const number = Number(division);
  return [...SECTION_STARTS].reverse().find(([, start]) => number >= start)![0];
};

/** The value of a division in `industries`: its section letter and code, "C14". */
export const divisionValue = (division: string): string => `${sectionOfDivision(division)}${division}`;

/** Groups the statistics bureau's classification decides by division (装备制造业 33–40; 数字经济核心 39, 63–65 …). */
export const DIVISION_GROUPS: Readonly<Record<string, readonly string[]>> = {
  '09': ['nonferrous_rare_earth'], '32': ['nonferrous_rare_earth'],
  '13': ['food'], '14': ['food'], '15': ['food'],
  '26': ['chemicals'], '27': ['biomedicine'],
  '33': ['equipment_manufacturing'], '34': ['equipment_manufacturing'], '35': ['equipment_manufacturing'],
  '36': ['equipment_manufacturing'], '37': ['equipment_manufacturing'], '38': ['equipment_manufacturing'],
  '39': ['equipment_manufacturing', 'digital_economy'], '40': ['equipment_manufacturing'],
  '63': ['digital_economy'], '64': ['digital_economy'], '65': ['digital_economy'],
  '54': ['road_transport'],
};

/** Groups a whole section stands for. */
export const SECTION_GROUPS: Readonly<Record<string, readonly string[]>> = {
  G: ['logistics'],
};

/** 三次产业 (2018) of a division, or of a section when only that is known. */
export function sectorOf(section: string, division: string | null): 'sector_primary' | 'sector_secondary' | 'sector_tertiary' {
  if (division === '05' || division === '11' || division === '43') return 'sector_tertiary';
  if (section === 'A') return 'sector_primary';
  if (section === 'B' || section === 'C' || section === 'D' || section === 'E') return 'sector_secondary';
  return 'sector_tertiary';
}

/** Categories that no code decides, and the derived groups (which a person may also pick directly). */
const CATEGORY_OPTIONS: readonly Option[] = [
  option('industrial', '工业（采矿业、制造业、电力热力燃气及水生产和供应业）', 'Industry (mining, manufacturing, utilities)'),
  option('sector_primary', '第一产业（农林牧渔业）', 'Primary sector (agriculture, forestry, husbandry, fishery)'),
  option('sector_secondary', '第二产业（工业和建筑业）', 'Secondary sector (industry and construction)'),
  option('sector_tertiary', '第三产业（服务业）', 'Tertiary sector (services)'),
  option('food', '食品（农副食品加工、食品制造、酒饮料茶）', 'Food (processing, manufacturing, beverages)'),
  option('equipment_manufacturing', '装备制造', 'Equipment manufacturing'),
  option('chemicals', '化工', 'Chemicals'),
  option('nonferrous_rare_earth', '有色金属及稀土', 'Non-ferrous metals & rare earths'),
  option('biomedicine', '生物医药', 'Biomedicine'),
  option('digital_economy', '数字经济', 'Digital economy'),
  option('logistics', '物流', 'Logistics'),
  option('road_transport', '道路运输（出租、公交、客货运输车辆运营）', 'Road transport (taxi, bus, passenger or freight vehicle operation)'),
  option('new_energy', '新能源', 'New energy'),
  option('new_materials', '新材料', 'New materials'),
  option('circular_economy', '循环经济（资源综合利用、再生资源回收利用）', 'Circular economy (resource recovery and recycling)'),
  option('culture_tourism', '文化旅游', 'Culture & tourism'),
  option('ecommerce', '电子商务', 'E-commerce'),
  option('testing_certification', '检验检测认证', 'Testing, inspection & certification'),
  option('producer_services', '生产性服务业（邮政、电信、现代服务销售额占比超50%）', 'Producer services (postal, telecom, modern services over 50% of sales)'),
  option('consumer_services', '生活性服务业（生活服务销售额占比超50%）', 'Consumer services (living services over 50% of sales)'),
];

export const industryFacts = [
  {
    name: 'industries', type: 'enumList', group: 'identity',
    label: { zh: '所属行业', en: 'Industries' },
    help: {
      zh: '按国民经济行业分类（GB/T 4754-2017）选门类或大类，可多选，按名称搜索；另可选政策所说的新能源、新材料等类别。',
      en: 'GB/T 4754-2017 sections or divisions, all that apply (search by name); also the policy categories (new energy, new materials …).',
    },
    options: [
      ...SECTIONS.map((s) => option(s.code, s.name, s.en)),
      // Divisions have no English names here: the code stands beside the Chinese one.
      ...Object.entries(DIVISION_NAMES).map(([code, name]) => option(divisionValue(code), name, `${divisionValue(code)} ${name}`)),
      ...CATEGORY_OPTIONS,
    ],
  },
] as const satisfies readonly FactDefinition[];

/** A profile's industries with what its codes imply: sections, sectors, 工业 and the groups the codes decide. */
export function expandIndustries(given: readonly string[]): string[] {
  const out = new Set(given);
  for (const value of given) {
    const match = /^([A-T])(\d{2})?$/.exec(value);
    if (!match) continue;
    const [, section, division = null] = match;
    out.add(section!);
    out.add(sectorOf(section!, division));
    if (section === 'B' || section === 'C' || section === 'D') out.add('industrial');
    for (const group of SECTION_GROUPS[section!] ?? []) out.add(group);
    if (division) for (const group of DIVISION_GROUPS[division] ?? []) out.add(group);
  }
  if (out.has('industrial')) out.add('sector_secondary');
  return [...out];
}
