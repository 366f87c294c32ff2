/**
 * A 文号 printed with another province's prefix ("湘政务函〔2023〕9 号" on a 甘肃 document): a printing error worth
 * noting beside the number, which stays as printed.
 */

/** The one-character names of China's provincial-level divisions, as 文号 begin with them. */
const PROVINCE_OF_PREFIX: Readonly<Record<string, string>> = {
  京: '北京', 津: '天津', 冀: '河北', 晋: '山西', 蒙: '内蒙古', 辽: '辽宁', 吉: '吉林', 黑: '黑龙江', 沪: '上海',
  苏: '江苏', 浙: '浙江', 皖: '安徽', 闽: '福建', 赣: '江西', 鲁: '山东', 豫: '河南', 鄂: '湖北', 湘: '湖南',
  粤: '广东', 桂: '广西', 琼: '海南', 渝: '重庆', 川: '四川', 蜀: '四川', 黔: '贵州', 贵: '贵州', 滇: '云南',
  云: '云南', 藏: '西藏', 陕: '陕西', 秦: '陕西', 甘: '甘肃', 陇: '甘肃', 青: '青海', 宁: '宁夏', 新: '新疆',
};

export type NumberNote = { prefix: string; prefixProvince: string; province: string };

/**
 * The note a 文号 needs, or null. A city's own documents may begin with the city's first character (甘孜's 甘办发), which
 * is no error even where it is also a province's name.
 */
export function numberNote(document: { number: string | null; province: string; city: string | null }): NumberNote | null {
  const prefix = document.number?.trim().charAt(0);
  if (!prefix) return null;
  const prefixProvince = PROVINCE_OF_PREFIX[prefix];
  if (!prefixProvince || prefixProvince === document.province || document.city?.startsWith(prefix)) return null;
  return { prefix, prefixProvince, province: document.province };
}
