import { expect } from 'vitest';

/** What every page must satisfy, whatever its content: the CSP and accessibility baseline. */
export function expectSafePage(html: string, csrf?: string) {
  expect(html.startsWith('<!doctype html>')).toBe(true);
  expect(html).toContain('<html lang="id">');
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/\sstyle=/i);
  expect(html).not.toMatch(/https?:\/\//i);
  expect(html).toContain('<meta name="viewport"');
  const forms = html.match(/<form\b[^>]*method="post"[\s\S]*?<\/form>/g) ?? [];
  for (const form of forms) expect(form, form.slice(0, 120)).toContain(`name="_csrf" value="${csrf ?? ''}`);
  // Every visible control has a label pointing at it.
  const ids = [
    ...html.matchAll(/<(?:input|select|textarea)\b(?![^>]*type="hidden")[^>]*\bid="([^"]+)"/g),
  ].map((m) => m[1]);
  const controls = html.match(/<(?:input|select|textarea)\b(?![^>]*type="hidden")[^>]*>/g) ?? [];
  expect(ids.length).toBe(controls.length);
  for (const id of ids) expect(html).toContain(`<label for="${id}">`);
  return forms;
}

export const formWithAction = (html: string, action: string) =>
  html.match(
    new RegExp(`<form\\b[^>]*action="${action.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[\\s\\S]*?</form>`),
  )?.[0];
