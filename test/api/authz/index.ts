import { akunCases } from './akun.js';
import { alurCases } from './alur.js';
import { pengembanganCases } from './pengembangan.js';
import { cycleCases } from './cycles.js';
import { tugasCases } from './tugas.js';
import { hasilCases } from './hasil.js';
import { penilaianCases } from './penilaian.js';
import type { AuthzContext, RouteCase } from './types.js';

/** Each area of the app keeps its rows in its own file; list them here. */
const AREAS: ((ctx: AuthzContext) => RouteCase[])[] = [
  cycleCases,
  pengembanganCases,
  tugasCases,
  hasilCases,
  penilaianCases,
  alurCases,
  akunCases,
];

export const areaCases = (ctx: AuthzContext): RouteCase[] => AREAS.flatMap((f) => f(ctx));
