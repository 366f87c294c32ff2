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
] as const satisfies readonly FactDefinition[];
