import type ExcelJS from 'exceljs';

/**
 * exceljs is ~1 MB minified and only the roster pages need it: loading it on first use keeps
 * it out of the API function's bundle and cold start (it ships beside the bundle instead).
 */
export async function loadExcelJs(): Promise<typeof ExcelJS> {
  const mod = (await import('exceljs')) as unknown as { default?: typeof ExcelJS } & typeof ExcelJS;
  return mod.default ?? mod;
}
