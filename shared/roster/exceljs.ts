import type ExcelJS from 'exceljs';

/**
 * exceljs is ~1 MB minified and only the roster pages need it: loaded on first use, it can be
 * left out of the bundle of the function that serves every other page (infra/lambda.ts).
 */
export async function loadExcelJs(): Promise<typeof ExcelJS> {
  const mod = (await import('exceljs')) as unknown as { default?: typeof ExcelJS } & typeof ExcelJS;
  return mod.default ?? mod;
}
