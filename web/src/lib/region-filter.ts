/** Finding a city or county in a pick list by what a person types: Chinese (白银, 白银市, 甘肃白银), pinyin or initials. */

export type RegionChoice = {
  value: string;
  label: { zh: string; en: string };
  province?: string;
  city?: string;
  pinyin?: string;
  initials?: string;
};

/** Province and level words people add around a name: "宁夏银川市" is 银川. */
const PROVINCE_WORDS = /^(陕西省?|宁夏(回族自治区)?|甘肃省?|青海省?|新疆(维吾尔自治区)?|四川省?)/;
const CITY_SUFFIX = /(市|地区|盟|自治州|州)$/;

const normalise = (text: string) => text.normalize('NFKC').replace(/[\s'’·-]/g, '').toLowerCase();

/** How well a choice fits what was typed: 3 exact, 2 starts with it, 1 contains it, 0 not at all. */
export function regionScore(choice: RegionChoice, typed: string): number {
  const query = normalise(typed);
  if (!query) return 1;
  if (/^[a-z]+$/.test(query)) {
    const pinyin = choice.pinyin ?? '';
    const initials = choice.initials ?? '';
    if (pinyin === query || initials === query) return 3;
    if (pinyin.startsWith(query) || initials.startsWith(query)) return 2;
    return pinyin.includes(query) ? 1 : 0;
  }
  const name = choice.value;
  const bare = query.replace(PROVINCE_WORDS, '');
  const short = bare.length > 2 ? bare.replace(CITY_SUFFIX, '') : bare;
  if (name === bare || name === short) return 3;
  if (name.startsWith(short)) return 2;
  return name.includes(short) || (short.length >= 2 && short.includes(name)) ? 1 : 0;
}

/** The choices that fit, best first; the list's own order among equals. */
export function filterRegions<T extends RegionChoice>(choices: readonly T[], typed: string): T[] {
  return choices
    .map((choice, index) => ({ choice, index, score: regionScore(choice, typed) }))
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((c) => c.choice);
}

/** The one choice a typed text names outright (白银, 白银市, baiyin, by), if exactly one does. */
export function exactRegion<T extends RegionChoice>(choices: readonly T[], typed: string): T | null {
  const exact = choices.filter((c) => regionScore(c, typed) === 3);
  return exact.length === 1 ? exact[0]! : null;
}
