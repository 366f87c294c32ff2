/**
 * GB/T 4754-2017 (国民经济行业分类): 门类 (sections A–T) and 大类 (divisions 01–97), and the catalogue's industry tags
 * each stands for. Registry extracts name a company's industry by these (国标行业门类 / 国标行业大类).
 *
 * Tags are given only where the classification says it plainly: 制造业 is manufacturing, 装备制造业 is divisions
 * 33–40 as the statistics bureau counts it, 数字经济 is its core divisions (39, 63–65). `services` follows the
 * statistics of 规模以上服务业 (G, I, L, M, N, O, P, Q, R; not 批发零售, 住宿餐饮, 金融, 房地产). Tags that no code
 * decides (new_energy, new_materials, ecommerce, producer_services, ...) are never set from a code.
 */

type Section = { code: string; name: string; tags: readonly string[] };

export const SECTIONS: readonly Section[] = [
  { code: 'A', name: '农、林、牧、渔业', tags: ['agriculture'] },
  { code: 'B', name: '采矿业', tags: [] },
  { code: 'C', name: '制造业', tags: ['manufacturing'] },
  { code: 'D', name: '电力、热力、燃气及水生产和供应业', tags: [] },
  { code: 'E', name: '建筑业', tags: ['construction'] },
  { code: 'F', name: '批发和零售业', tags: ['wholesale_retail'] },
  { code: 'G', name: '交通运输、仓储和邮政业', tags: ['logistics', 'services'] },
  { code: 'H', name: '住宿和餐饮业', tags: ['accommodation_catering'] },
  { code: 'I', name: '信息传输、软件和信息技术服务业', tags: ['digital_economy', 'services'] },
  { code: 'J', name: '金融业', tags: [] },
  { code: 'K', name: '房地产业', tags: [] },
  { code: 'L', name: '租赁和商务服务业', tags: ['services'] },
  { code: 'M', name: '科学研究和技术服务业', tags: ['services'] },
  { code: 'N', name: '水利、环境和公共设施管理业', tags: ['services'] },
  { code: 'O', name: '居民服务、修理和其他服务业', tags: ['services'] },
  { code: 'P', name: '教育', tags: ['services'] },
  { code: 'Q', name: '卫生和社会工作', tags: ['services'] },
  { code: 'R', name: '文化、体育和娱乐业', tags: ['culture_tourism', 'services'] },
  { code: 'S', name: '公共管理、社会保障和社会组织', tags: [] },
  { code: 'T', name: '国际组织', tags: [] },
];

/** Divisions by code, with the section each belongs to (by the standard's code ranges) and the tags it adds. */
const DIVISION_NAMES: Readonly<Record<string, string>> = {
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

const DIVISION_TAGS: Readonly<Record<string, readonly string[]>> = {
  '09': ['nonferrous_rare_earth'], '32': ['nonferrous_rare_earth'],
  '13': ['food'], '14': ['food'], '15': ['food'],
  '26': ['chemicals'], '27': ['biomedicine'],
  '33': ['equipment_manufacturing'], '34': ['equipment_manufacturing'], '35': ['equipment_manufacturing'],
  '36': ['equipment_manufacturing'], '37': ['equipment_manufacturing'], '38': ['equipment_manufacturing'],
  '39': ['equipment_manufacturing', 'digital_economy'], '40': ['equipment_manufacturing'],
  '54': ['road_transport'],
};

export type Classification = { section: string; division: string | null; tags: string[] };

const sectionOf = (division: string) => {
  const number = Number(division);
  return [...SECTION_STARTS].reverse().find(([, start]) => number >= start)![0];
};

const bare = (text: string) => text.normalize('NFKC').replace(/[\s,，、]/g, '');

/** A 门类 as written: "C", "C 制造业" or "制造业". */
export function findSection(text: string): Section | null {
  const t = bare(text);
  const code = /^([A-T])(?![A-Za-z])/.exec(t)?.[1];
  if (code) return SECTIONS.find((s) => s.code === code)!;
  return SECTIONS.find((s) => bare(s.name) === t) ?? null;
}

/** A 大类 as written: "39", "C39", "C39 计算机、通信和其他电子设备制造业" or the name alone. */
export function findDivision(text: string): string | null {
  const t = bare(text);
  const code = /^[A-T]?(\d{2})(?!\d)/.exec(t)?.[1];
  if (code && DIVISION_NAMES[code]) return code;
  const byName = Object.entries(DIVISION_NAMES).find(([, name]) => bare(name) === t);
  return byName ? byName[0] : null;
}

/** The catalogue tags of a section and, when known, a division within it. */
export function tagsFor(sectionCode: string | null, division: string | null): Classification | null {
  const section = sectionCode ?? (division ? sectionOf(division) : null);
  if (!section) return null;
  const sectionTags = SECTIONS.find((s) => s.code === section)?.tags ?? [];
  const divisionTags = division ? (DIVISION_TAGS[division] ?? []) : [];
  return { section, division, tags: [...new Set([...sectionTags, ...divisionTags])] };
}
