/** 200000000 → "2亿元"; 12000000 → "1200万元"; 5000 → "5000元". 亿 only where it reads exactly. */
export function formatYuan(yuan: number): string {
  if (yuan >= 1e12 && yuan % 1e10 === 0) return `${Number((yuan / 1e12).toFixed(2))}万亿元`;
  if (yuan >= 1e8 && yuan % 1e6 === 0) return `${Number((yuan / 1e8).toFixed(2))}亿元`;
  if (yuan >= 10000) return `${Number((yuan / 10000).toFixed(4))}万元`;
  return `${Number(yuan.toFixed(2))}元`;
}
