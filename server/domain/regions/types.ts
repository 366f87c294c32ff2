/** An administrative division: its official name, the short name profiles use, and its pinyin for search. */
export type Division = { readonly name: string; readonly short: string; readonly pinyin: string; readonly initials: string };
export type CityDivisions = Division & { readonly counties: readonly Division[] };
export type ProvinceDivisions = { readonly name: string; readonly cities: readonly CityDivisions[] };
