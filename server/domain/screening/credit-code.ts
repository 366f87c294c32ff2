/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet (no I, O, Z, S, V); the last is a check
 * character computed from the first 17 with the standard's weights (modulus 31).
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function checkCharacter(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17[i]!);
    if (value < 0) return null;
    sum += value * WEIGHTS[i]!;
  }
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

export type CreditCodeResult = { ok: true; code: string } | { ok: false; message: string };

export function readCreditCode(input: string): CreditCodeResult {
  const code = input.normalize('NFKC').replace(/\s/g, '').toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) {
    return { ok: false, message: `统一社会信用代码应为18位数字或大写字母 (must be 18 digits or capital letters): ${input}` };
  }
  if (checkCharacter(code.slice(0, 17)) !== code[17]) {
    return { ok: false, message: `统一社会信用代码校验位不符，请核对 (check character does not match): ${input}` };
  }
  return { ok: true, code };
}
