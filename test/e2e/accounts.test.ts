/** Journey: the first admin signs in, adds an officer, signs out; the officer signs in. */
import { describe, expect, it } from 'vitest';
import { insertUser } from '../../db/accounts.ts';
import { hashPassword } from '../../server/accounts/passwords.ts';
import { PRODUCTION_ARGON2 } from '../../server/accounts/settings.ts';
import { newPage, PHONE, seriousViolations, shot, useHarness } from './harness.ts';

const harness = useHarness();

describe('accounts in the browser', () => {
  it('admin signs in, creates an officer, signs out; the officer signs in', async () => {
    // The first admin, as `npm run user:add` makes it.
    insertUser(harness.db, { name: '管理员', role: 'admin', passwordHash: await hashPassword('admin password 1', PRODUCTION_ARGON2) });
    const page = await newPage(harness);
    await page.goto(`${harness.baseUrl}/`);
    const header = page.locator('header.site-header');
    await header.getByRole('link', { name: '工作人员登录' }).click();
    await page.getByRole('heading', { name: '工作人员登录' }).waitFor();

    // Errors are told at the field, and a wrong password in one message that names neither.
    await page.getByRole('button', { name: '登录' }).click();
    expect(await page.locator('#sign-in-name-error').innerText()).toBe('请填写此项。');
    expect(await page.getByLabel('用户名').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('用户名').fill('管理员');
    await page.getByLabel('密码').fill('not the password');
    await page.getByRole('button', { name: '登录' }).click();
    expect(await page.getByRole('alert').innerText()).toBe('用户名或密码不正确，或账户已停用。');
    await shot(page, 'accounts-sign-in-wrong', false);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('密码').fill('admin password 1');
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/admin\/users$/);
    await expect.poll(() => header.innerText()).toContain('已登录：管理员（管理员）');
    // The session is an HttpOnly, Secure __Host- cookie, kept by Chromium on 127.0.0.1 over http.
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === '__Host-huiqi_session')).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/' });
    expect(await page.evaluate(() => document.cookie)).toBe('');

    // Add an officer: a too-short password is refused at the field first.
    const form = page.locator('form.new-user');
    await form.getByLabel('用户名').fill('李经办');
    await form.getByLabel('角色').selectOption({ label: '经办人员' });
    await form.getByLabel('单位（部门 / 区县）').fill('白银区');
    await form.getByLabel('初始密码').fill('short');
    await form.getByRole('button', { name: '添加账户' }).click();
    await expect.poll(() => form.locator('#new-user-password-error').innerText()).toContain('至少 10 个字符');
    await form.getByLabel('初始密码').fill('officer password 1');
    await form.getByRole('button', { name: '添加账户' }).click();
    const row = page.getByRole('row', { name: /李经办/ });
    await row.waitFor();
    expect(await page.getByRole('status').filter({ hasText: '已添加账户 李经办。' }).count()).toBe(1);
    expect(await row.getByLabel('李经办 的角色').inputValue()).toBe('officer');
    expect(await row.innerText()).toContain('从未登录');
    expect(await row.getByLabel('李经办 的单位').inputValue()).toBe('白银区');

    // Move the officer to another unit.
    await row.getByLabel('李经办 的单位').fill('平川区');
    await row.getByRole('button', { name: '保存单位 李经办' }).click();
    await page.getByRole('status').filter({ hasText: '已保存对 李经办 的更改。' }).waitFor();

    // Disable and enable again; the change shows in the row.
    await row.getByRole('button', { name: '停用 李经办' }).click();
    await expect.poll(() => row.innerText()).toContain('已停用');
    await row.getByRole('button', { name: '启用 李经办' }).click();
    await expect.poll(() => row.innerText()).not.toContain('已停用');
    // A new password, set by the admin, replaces the initial one.
    await row.getByRole('button', { name: '重设密码 李经办' }).click();
    await row.getByLabel('李经办 的新密码').fill('officer password 2');
    await shot(page, 'accounts-users', false);
    await row.getByRole('button', { name: '保存新密码' }).click();
    await page.getByRole('status').filter({ hasText: '已为 李经办 设置新密码' }).waitFor();
    expect(await row.getByLabel('李经办 的新密码').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    await header.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(`${harness.baseUrl}/`);
    await header.getByRole('link', { name: '工作人员登录' }).waitFor();
    // The admin page now asks for sign-in first.
    await page.goto(`${harness.baseUrl}/admin/users`);
    await page.waitForURL(/\/account\/sign-in\?next=%2Fadmin%2Fusers$/);

    // The officer signs in from the header's link, and sees no account management.
    await page.goto(`${harness.baseUrl}/`);
    await header.getByRole('link', { name: '工作人员登录' }).click();
    await page.getByLabel('用户名').fill('李经办');
    await page.getByLabel('密码').fill('officer password 1');
    await page.getByRole('button', { name: '登录' }).click();
    expect(await page.getByRole('alert').innerText()).toBe('用户名或密码不正确，或账户已停用。');
    await page.getByLabel('密码').fill('officer password 2');
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => header.innerText()).toContain('已登录：李经办（经办人员）');
    // An officer starts at the batch screenings.
    expect(new URL(page.url()).pathname).toBe('/screenings');
    expect(await header.getByRole('link', { name: '账户管理' }).count()).toBe(0);
    await page.goto(`${harness.baseUrl}/admin/users`);
    expect(await page.getByRole('alert').innerText()).toBe('您的账户没有权限查看此页面。');
  });

  it('fits a phone', async () => {
    const page = await newPage(harness, PHONE);
    await page.goto(`${harness.baseUrl}/account/sign-in`);
    await page.getByLabel('用户名').fill('管理员');
    await page.getByLabel('密码').fill('admin password 1');
    await shot(page, 'accounts-sign-in-phone', false);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('row', { name: /李经办/ }).waitFor();
    await shot(page, 'accounts-users-phone');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });
});
