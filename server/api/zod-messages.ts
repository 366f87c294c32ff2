import { z } from 'zod';

/**
 * zod's own messages (those a schema does not set itself) in Chinese with the English in parentheses, as every
 * message of the API is: `无效输入：期望 string，实际接收 number (Invalid input: expected string, received number)`.
 * The setting is process-wide; importing this module applies it.
 */
const zh = z.locales.zhCN().localeError!;
const en = z.locales.en().localeError!;

const text = (message: ReturnType<typeof zh>) => (typeof message === 'string' ? message : message?.message);

z.config({
  localeError: (issue) => {
    const chinese = text(zh(issue));
    const english = text(en(issue));
    return chinese && english ? `${chinese} (${english})` : (chinese ?? english);
  },
});
