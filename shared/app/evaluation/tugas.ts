import { listCycles } from '../../data/cycles.js';
import { listByAtasan, listByCycle, listByEmployee } from '../../data/evaluations.js';
import { type Notice, listNotices } from '../../data/notices.js';
import { listTugasRekan } from '../../data/penilaian-rekan.js';
import { getEmployees } from '../../data/people.js';
import type { Evaluation } from '../../domain/evaluation/evaluation.js';
import { pltBerlaku } from '../../domain/people/policy.js';
import {
  TAHAP_REKAN,
  type Tugas,
  menungguTindakan,
  nipPelaksana,
  pelaksana,
  terlambat,
  urutkanTugas,
} from '../../domain/evaluation/tugas.js';
import type { Deps } from '../../runtime/deps.js';
import type { Principal } from '../actor.js';
import { listPenugasan } from '../../data/penugasan.js';

/**
 * Every open stage waiting on me, earliest deadline first: my own evaluations, my team's (and
 * the teams I stand in for as Plt/Plh today), objections I must decide, and peer reviews asked
 * of me. The lists are read in parallel, one Query each: mine (gsi1), my team (gsi2), my
 * Plt/Plh assignments and each covered team, my peer reviews (gsi1), the cycles, and per open
 * cycle the evaluations at KEBERATAN (gsi3). Objections have no index by the atasan's atasan,
 * so that last read returns every objection of the cycle and keeps mine: objections are few
 * (they need a contested rating) and the read is one page in practice.
 */
export async function tugasSaya(deps: Deps, p: Principal): Promise<Tugas[]> {
  const now = deps.now();
  const [mine, team, acting, rekan, cycles] = await Promise.all([
    listByEmployee(deps, p.nip),
    listByAtasan(deps, p.nip),
    listPenugasan(deps, p.nip),
    listTugasRekan(deps, p.nip),
    listCycles(deps),
  ]);
  const [covered, keberatan] = await Promise.all([
    Promise.all(acting.filter((a) => pltBerlaku(a, now)).map((a) => listByAtasan(deps, a.menggantikanNip))),
    Promise.all(
      cycles.filter((c) => c.status === 'DIBUKA').map((c) => listByCycle(deps, c.id, 'KEBERATAN#')),
    ),
  ]);

  // One rule decides for every source: the stage waits on a person, and that person is me. A
  // closed cycle waits on nobody.
  const open = new Set(cycles.filter((c) => c.status === 'DIBUKA').map((c) => c.id));
  const byKey = new Map<string, Evaluation>();
  for (const e of [...mine, ...team, ...covered.flat(), ...keberatan.flat()]) {
    if (open.has(e.cycleId) && menungguTindakan(e) && nipPelaksana(e, now) === p.nip)
      byKey.set(`${e.cycleId}#${e.nip}`, e);
  }
  const evaluasi: Tugas[] = [...byKey.values()].map((e) => ({
    peran: pelaksana(e.stage, e.status)!,
    tahap: e.stage,
    status: e.status,
    cycleId: e.cycleId,
    nip: e.nip,
    nama: e.nama,
    ...(e.deadline ? { deadline: e.deadline } : {}),
    terlambat: terlambat(e.deadline, now),
  }));

  const waiting = rekan.filter(
    (r) => open.has(r.cycleId) && r.status === 'MENUNGGU' && !!r.taskToken && r.nip !== p.nip,
  );
  const names = await getEmployees(
    deps,
    waiting.map((r) => r.nip),
  );
  const sebagaiRekan: Tugas[] = waiting.map((r) => ({
    peran: 'REKAN',
    tahap: TAHAP_REKAN,
    status: r.status,
    cycleId: r.cycleId,
    nip: r.nip,
    nama: names.get(r.nip)?.nama ?? r.nip,
    ...(r.deadline ? { deadline: r.deadline } : {}),
    terlambat: terlambat(r.deadline, now),
  }));
  return urutkanTugas([...evaluasi, ...sebagaiRekan]);
}

/** My notices, and for BKPSDM admins also the agency's shared box; newest first. */
export async function notifikasiSaya(deps: Deps, p: Principal): Promise<Notice[]> {
  const [mine, shared] = await Promise.all([
    listNotices(deps, p.nip),
    p.admin ? listNotices(deps, 'BKPSDM') : Promise.resolve([]),
  ]);
  return [...mine, ...shared].sort((a, b) => b.at.localeCompare(a.at));
}
