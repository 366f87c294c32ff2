import { option, type FactDefinition } from './definition.ts';

export const locationFacts = [
  {
    name: 'province', type: 'enum', group: 'location', required: true,
    label: { zh: '注册所在省（区）', en: 'Province of registration' },
    help: { zh: '企业或个体工商户登记注册的省份。', en: 'Where the business is registered.' },
    options: [
      option('陕西', '陕西', 'Shaanxi'),
      option('宁夏', '宁夏', 'Ningxia'),
      option('甘肃', '甘肃', 'Gansu'),
      option('青海', '青海', 'Qinghai'),
      option('新疆', '新疆', 'Xinjiang'),
      option('四川', '四川', 'Sichuan'),
    ],
  },
  {
    name: 'city', type: 'string', divisions: 'city', group: 'location',
    label: { zh: '所在市（州）', en: 'City / prefecture' },
    help: { zh: '所选省份的市（州、地区），如“白银”“银川”“克拉玛依”；全称（白银市）也可。', en: 'A city or prefecture of the chosen province, e.g. 白银, 银川, 克拉玛依; the full name (白银市) is accepted too.' },
  },
  {
    name: 'county', type: 'string', divisions: 'county', group: 'location',
    label: { zh: '所在县（区）', en: 'County / district' },
    help: { zh: '仅在条款限定县区时需要。', en: 'Only needed when a clause names a county or district.' },
  },
  {
    name: 'inIndustrialPark', type: 'boolean', group: 'location',
    label: { zh: '项目位于产业园区、工业集中区', en: 'Located in an industrial park' },
    help: {
      zh: '企业或项目位于各类开发区、产业园区、工业集中区内的，选“是”。',
      en: 'Yes if the business or project is inside a development zone, industrial park or industrial cluster area.',
    },
  },
  {
    name: 'relocatedHere', type: 'boolean', group: 'location',
    label: { zh: '近12个月内注册地和纳税地均从外地迁入本市（州）', en: 'Moved both registered office and tax domicile here in the last 12 months' },
    help: {
      zh: '本主体近12个月内将注册地和纳税地都从其他市（州）或外省迁到所填的市（州）的，选“是”；只迁其一、或一直在本地的，选“否”。',
      en: 'Yes if in the last 12 months the business moved both its registered office and its tax domicile from another city or province to the city given; no if it moved only one of them or has always been here.',
    },
  },
  {
    name: 'crossCitySites', type: 'boolean', group: 'location',
    label: { zh: '跨市经营：在登记住所所在市以外的其他市另有或拟设经营场所', en: 'Operates (or will) in another city than its registered address' },
    help: {
      zh: '除营业执照登记的住所外，在区（省）内其他市（州）还有或打算开设经营场所的，选“是”；用于“一照多址”等政策。',
      en: 'Yes if, besides the registered address, the business has or plans premises in another city of the province; used by “one licence, several addresses” clauses.',
    },
  },
  {
    name: 'nonGridPowerSupply', type: 'boolean', group: 'location',
    label: { zh: '经营场所由非电网企业转供电（非电网直供电）', en: 'Power supplied through a non-grid intermediary (not directly by the grid)' },
    help: {
      zh: '电费不是直接交给供电公司，而是交给商业综合体、产业园区、物业或房东等转供电主体的，选“是”。',
      en: 'Yes if the business pays for electricity not to the grid company but to a landlord, property manager, park or complex that resells it.',
    },
  },
  {
    name: 'premisesSelfBuiltHouse', type: 'boolean', group: 'location',
    label: { zh: '住所（经营场所）是已通过房屋安全鉴定的自建房', en: 'Premises are a self-built house that passed a building-safety appraisal' },
    help: {
      zh: '用作住所或经营场所的房屋是自建房，且已通过房屋安全鉴定的，选“是”。',
      en: 'Yes if the registered address or premises are a self-built house that has passed a building-safety appraisal.',
    },
  },
] as const satisfies readonly FactDefinition[];
