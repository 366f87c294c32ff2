/**
 * What a department does, in English, for readers who cannot read its Chinese name: "市经合局" → "city investment
 * promotion bureau". The name itself stays as printed (it is what a service hall's signs say).
 */

/** Level words a department's name starts with. */
const LEVELS: readonly [RegExp, string][] = [
  [/^(省|自治区)/, 'provincial'],
  // 市场监管 is market regulation, not a city's; a 厅 is a provincial department.
  [/^市(?!场)/, 'city'],
  [/厅/, 'provincial'],
  [/^州/, 'prefecture'],
  [/^(县|区|各县区)/, 'county'],
];

/** Key words of department names and the role they name; the first that fits wins, so longer ones come first. */
const ROLES: readonly [string, string][] = [
  ['知识产权', 'intellectual property office'],
  ['市场监管', 'market regulation administration'],
  ['工业和信息化', 'industry and information technology bureau'],
  ['工信', 'industry and information technology bureau'],
  ['发展和改革', 'development and reform commission'],
  ['发展改革', 'development and reform commission'],
  ['发改', 'development and reform commission'],
  ['税务', 'tax bureau'],
  ['财政', 'finance bureau'],
  ['人社', 'human resources and social security bureau'],
  ['人力资源', 'human resources and social security bureau'],
  ['商务', 'commerce bureau'],
  ['经合', 'investment promotion and economic cooperation bureau'],
  ['招商', 'investment promotion office'],
  ['行政审批', 'administrative approval bureau'],
  ['审批', 'administrative approval bureau'],
  ['工改', 'construction approval reform office'],
  ['自然资源', 'natural resources bureau'],
  ['住房公积金', 'housing provident fund centre'],
  ['住房城乡建设', 'housing and urban-rural development bureau'],
  ['住房和城乡建设', 'housing and urban-rural development bureau'],
  ['住建', 'housing and urban-rural development bureau'],
  ['交通运输', 'transport department'],
  ['公共资源交易', 'public resources trading centre'],
  ['公管办', 'public resources trading office'],
  ['政务服务', 'government services centre'],
  ['大数据', 'big data bureau'],
  ['金融', 'financial affairs office'],
  ['银保监', 'banking and insurance regulator'],
  ['人行', "People's Bank of China branch"],
  ['人民银行', "People's Bank of China branch"],
  ['科技', 'science and technology bureau'],
  ['司法', 'justice bureau'],
  ['公安', 'public security bureau'],
  ['中级人民法院', 'intermediate court'],
  ['中院', 'intermediate court'],
  ['法院', 'court'],
  ['检察院', 'procuratorate'],
  ['退役军人', 'veterans affairs bureau'],
  ['文化广电旅游', 'culture and tourism bureau'],
  ['文广旅', 'culture and tourism bureau'],
  ['农业农村', 'agriculture and rural affairs bureau'],
  ['生态环境', 'ecology and environment bureau'],
  ['水利', 'water resources bureau'],
  ['水务', 'water bureau'],
  ['林草', 'forestry and grassland bureau'],
  ['卫生健康', 'health commission'],
  ['应急管理', 'emergency management bureau'],
  ['民政', 'civil affairs bureau'],
  ['统计', 'statistics bureau'],
  ['国资委', 'state assets commission'],
  ['市政管理', 'municipal administration bureau'],
  ['供电', 'power supply company'],
  ['电力公司', 'power company'],
  ['燃气', 'gas company'],
  ['组织部', 'organisation department'],
  ['统战部', 'united front work department'],
  ['宣传部', 'publicity department'],
  ['网信办', 'cyberspace affairs office'],
  ['编办', 'staffing office'],
  ['群工', 'public affairs bureau'],
  ['融媒体', 'media centre'],
  ['纤维质量', 'fibre quality inspection centre'],
  ['产品质量', 'product quality inspection institute'],
  ['质量发展', 'quality development division'],
  ['标准化', 'standardisation division'],
  ['登记注册', 'business registration bureau'],
  ['登记指导', 'business registration guidance division'],
  ['价格监督', 'price supervision and anti-unfair-competition bureau'],
  ['信用监督', 'credit supervision division'],
  ['信用监管', 'credit supervision division'],
  ['价监竞争', 'price supervision and competition bureau'],
  ['认证监管', 'certification supervision division'],
  ['食品', 'food safety division'],
  ['特种设备', 'special equipment inspection institute'],
  ['保护中心', 'IP protection centre'],
  ['建设处', 'construction division'],
  ['财审处', 'finance and audit division'],
  ['能源', 'energy bureau'],
  ['审改办', 'approval reform office'],
  ['网络交易', 'online trade supervision division'],
  ['计量', 'metrology and certification division'],
  ['法规', 'legal affairs division'],
  ['执法监督', 'law enforcement supervision bureau'],
  ['运用促进', 'IP use and promotion division'],
  ['保护处', 'IP protection division'],
  ['规划协调', 'planning and coordination division'],
  ['公共服务', 'public services division'],
  ['政府办公', 'general office of the government'],
  ['办公厅', 'general office'],
  ['办公室', 'general office'],
  ['领导小组', 'leading group'],
  ['联席会议', 'joint meeting of departments'],
  ['政府', 'people\'s government'],
];

/** The role of one department ("市经合局" → "city investment promotion (economic cooperation) bureau"), or null. */
export function departmentRole(name: string): string | null {
  const role = ROLES.find(([key]) => name.includes(key))?.[1];
  if (!role) return null;
  const level = LEVELS.find(([pattern]) => pattern.test(name))?.[1];
  return level ? `${level} ${role}` : role;
}

/** The roles of the departments a clause names ("市工信局、市财政局"), those known, in order. */
export function departmentRoles(names: string): string[] {
  const roles = names
    .split(/[、，,；;]/)
    .map((n) => n.replace(/等$/, '').trim())
    .filter(Boolean)
    .map(departmentRole)
    .filter((r): r is string => r !== null);
  return [...new Set(roles)];
}
