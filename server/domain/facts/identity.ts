import { option, type FactDefinition } from './definition.ts';

export const identityFacts = [
  {
    name: 'entityType', type: 'enum', group: 'identity', required: true,
    label: { zh: '主体类型', en: 'Type of entity' },
    help: { zh: '尚未登记的创业者选“个人（未登记）”。', en: 'A founder who has not registered yet is a “person”.' },
    options: [
      option('enterprise', '企业', 'Enterprise'),
      option('individual_business', '个体工商户', 'Individual business'),
      option('farmer_coop', '农民专业合作社', 'Farmers’ cooperative'),
      option('person', '个人（未登记）', 'Person (not yet registered)'),
    ],
  },
  {
    name: 'ownership', type: 'enum', group: 'identity',
    label: { zh: '所有制', en: 'Ownership' },
    options: [
      option('private', '民营', 'Private'),
      option('state', '国有', 'State-owned'),
      option('foreign', '外资', 'Foreign-invested'),
      option('mixed', '混合所有制', 'Mixed ownership'),
    ],
  },
  {
    name: 'size', type: 'enum', group: 'identity',
    label: { zh: '企业规模', en: 'Size' },
    help: { zh: '按国家中小微企业划型标准。', en: 'By the national SME classification standard.' },
    options: [
      option('micro', '微型', 'Micro'),
      option('small', '小型', 'Small'),
      option('medium', '中型', 'Medium'),
      option('large', '大型', 'Large'),
    ],
  },
  {
    name: 'industries', type: 'enumList', group: 'identity',
    label: { zh: '所属行业', en: 'Industries' },
    help: { zh: '可多选。', en: 'Choose all that apply.' },
    options: [
      option('manufacturing', '制造业', 'Manufacturing'),
      option('agriculture', '农业', 'Agriculture'),
      option('culture_tourism', '文化旅游', 'Culture & tourism'),
      option('construction', '建筑业', 'Construction'),
      option('wholesale_retail', '批发零售', 'Wholesale & retail'),
      option('accommodation_catering', '住宿餐饮', 'Accommodation & catering'),
      option('services', '服务业', 'Services'),
      option('logistics', '物流', 'Logistics'),
      option('digital_economy', '数字经济', 'Digital economy'),
      option('new_energy', '新能源', 'New energy'),
      option('new_materials', '新材料', 'New materials'),
      option('biomedicine', '生物医药', 'Biomedicine'),
      option('equipment_manufacturing', '装备制造', 'Equipment manufacturing'),
      option('chemicals', '化工', 'Chemicals'),
      option('nonferrous_rare_earth', '有色金属及稀土', 'Non-ferrous metals & rare earths'),
      option('ecommerce', '电子商务', 'E-commerce'),
      option('food', '食品', 'Food'),
      option('testing_certification', '检验检测认证机构', 'Testing, inspection & certification body'),
      option('producer_services', '生产性服务业（邮政、电信、现代服务销售额占比超50%）', 'Producer services (postal, telecom, modern services over 50% of sales)'),
      option('consumer_services', '生活性服务业（生活服务销售额占比超50%）', 'Consumer services (living services over 50% of sales)'),
      option('road_transport', '道路运输（出租、公交、客货运输车辆运营）', 'Road transport (taxi, bus, passenger or freight vehicle operation)'),
    ],
  },
  {
    name: 'yearsOperating', type: 'number', unit: 'years', group: 'identity',
    label: { zh: '成立年限', en: 'Years operating' },
    help: { zh: '自登记注册起的年数。', en: 'Years since registration.' },
  },
  {
    name: 'listing', type: 'enum', attainable: true, group: 'identity',
    label: { zh: '上市挂牌情况', en: 'Listing' },
    options: [
      option('none', '未上市挂牌', 'Not listed'),
      option('main_board', '境内外主板等证券交易所上市', 'Listed on a stock exchange'),
      option('neeq', '新三板挂牌', 'NEEQ (New Third Board)'),
      option('regional_equity', '区域性股权市场挂牌', 'Regional equity market'),
    ],
  },
] as const satisfies readonly FactDefinition[];
