import { tampilWaktu } from '../../domain/wib.js';
import { listCycles } from '../../data/cycles.js';
import { listByCycle } from '../../data/evaluations.js';
import { type Notice, noticeOnce } from '../../data/notices.js';
import { listPenilaianRekan } from '../../data/penilaian-rekan.js';
import type { Evaluation } from '../../domain/evaluation/evaluation.js';
import { HARI_PENGINGAT, pengingatJatuhTempo } from '../../domain/evaluation/pengingat.js';
import {
  PELAKSANA,
  TAHAP_REKAN,
  TAHAP_TUGAS_LABEL,
  menungguTindakan,
  nipPelaksana,
  pelaksana,
  type Pelaksana,
} from '../../domain/evaluation/tugas.js';
import { inBatches } from '../../runtime/batches.js';
import type { Deps } from '../../runtime/deps.js';
import { type HasilEmail, kirimEmailNotifikasi } from '../notifikasi-email.js';

export interface HasilPengingat {
  cycles: number;
  /** Open stages (and peer reviews) looked at. */
  diperiksa: number;
  /** Reminders written by this run. */
  dibuat: number;
  /** Reminders due but already written by an earlier run. */
  sudahAda: number;
  /** Due, but nobody to send it to (e.g. no atasan's atasan on record). */
  tanpaPenerima: number;
  email: HasilEmail;
}

/** Stages in which somebody acts: the rest (waiting for the window, done) are never queried. */
const TAHAP_BERPELAKSANA = (Object.keys(PELAKSANA) as Evaluation['stage'][]).filter(
  (s) => Object.keys(PELAKSANA[s]).length > 0,
);

const PERAN_LABEL: Record<Pelaksana, string> = {
  PEGAWAI: 'pegawai yang dinilai',
  ATASAN: 'atasan langsung',
  ATASAN_ATASAN: 'atasan dari atasan langsung',
};

interface Calon {
  notice: Notice;
  key: { at: string; id: string };
}

function untukEvaluasi(e: Evaluation, now: Date, hari: readonly number[]): Calon | 'tanpa' | undefined {
  if (!menungguTindakan(e) || !e.deadline) return undefined;
  const due = pengingatJatuhTempo(e.stage, e.deadline, now, hari);
  if (!due) return undefined;
  const recipient = nipPelaksana(e, now);
  if (!recipient) return 'tanpa';
  const label = TAHAP_TUGAS_LABEL[e.stage];
  const sendiri = recipient === e.nip;
  return {
    key: { at: due.jatuhTempoPada, id: `${e.cycleId}#${e.nip}#${due.kunci}` },
    notice: {
      recipient,
      at: now.toISOString(),
      kind: 'PENGINGAT',
      subject: `Tenggat ${due.sisaHari} hari lagi: ${label}${sendiri ? '' : ` - ${e.nama}`}`,
      body: `Tahap ${label} ${sendiri ? 'evaluasi Anda' : `untuk ${e.nama} (NIP ${e.nip})`} menunggu tindakan Anda sebagai ${PERAN_LABEL[pelaksana(e.stage, e.status)!]}. Tenggat: ${tampilWaktu(e.deadline)}.`,
      cycleId: e.cycleId,
      nip: e.nip,
      tahap: e.stage,
    },
  };
}

/**
 * Peers review beside the atasan, even after the atasan has finished (the stage then reads
 * SELESAI while the peers' branch still waits), so every evaluation in the stage is looked at.
 * One Query per evaluation with peers, only while the review stage lasts.
 */
async function untukRekan(
  deps: Deps,
  e: Evaluation,
  now: Date,
  hari: readonly number[],
): Promise<{ menunggu: number; calon: Calon[] }> {
  if (!e.rekan?.length) return { menunggu: 0, calon: [] };
  const label = TAHAP_TUGAS_LABEL[TAHAP_REKAN];
  const menunggu = (await listPenilaianRekan(deps, e.cycleId, e.nip)).filter(
    (r) => r.status === 'MENUNGGU' && !!r.taskToken && !!r.deadline,
  );
  const calon = menunggu.flatMap((r): Calon[] => {
    if (!r.deadline) return [];
    const due = pengingatJatuhTempo(TAHAP_REKAN, r.deadline, now, hari);
    if (!due) return [];
    return [
      {
        key: { at: due.jatuhTempoPada, id: `${e.cycleId}#${e.nip}#${due.kunci}` },
        notice: {
          recipient: r.rekanNip,
          at: now.toISOString(),
          kind: 'PENGINGAT',
          subject: `Tenggat ${due.sisaHari} hari lagi: ${label} - ${e.nama}`,
          body: `Anda diminta menilai perilaku kerja ${e.nama} sebagai rekan kerja. Penilaian Anda hanya diketahui atasannya; pegawai yang dinilai hanya melihat ringkasan gabungan. Tenggat: ${tampilWaktu(r.deadline)}. Setelah tenggat, penilaian Anda dilewati.`,
          cycleId: e.cycleId,
          nip: e.nip,
          tahap: TAHAP_REKAN,
        },
      },
    ];
  });
  return { menunggu: menunggu.length, calon };
}

/** Reads and writes per round: a city's worth, neither one by one nor all at once. */
const SEKALIGUS = 16;

/**
 * The scheduled reminder job. For every open cycle it reads, per stage in which somebody acts,
 * the cycle's evaluations from the cycle index (no Scan), and writes a reminder notice to whoever
 * must act when one is due (HARI_PENGINGAT days before the deadline). Each notice has a key
 * made of the evaluation, stage, deadline and N, written only if absent: the job may run any
 * number of times a day and each reminder still exists once. New reminders are then emailed
 * when an email sender is configured.
 */
export async function kirimPengingat(
  deps: Deps,
  now: Date = deps.now(),
  options: { hari?: readonly number[] } = {},
): Promise<HasilPengingat> {
  const hari = options.hari ?? HARI_PENGINGAT;
  const hasil: HasilPengingat = {
    cycles: 0,
    diperiksa: 0,
    dibuat: 0,
    sudahAda: 0,
    tanpaPenerima: 0,
    email: { terkirim: 0, tanpaAlamat: 0, gagal: 0 },
  };
  const baru: Notice[] = [];
  for (const cycle of await listCycles(deps)) {
    if (cycle.status !== 'DIBUKA') continue;
    hasil.cycles++;
    for (const stage of TAHAP_BERPELAKSANA) {
      const evaluations = await listByCycle(deps, cycle.id, `${stage}#`);
      const calon: Calon[] = [];
      for (const e of evaluations) {
        if (menungguTindakan(e)) hasil.diperiksa++;
        const c = untukEvaluasi(e, now, hari);
        if (c === 'tanpa') hasil.tanpaPenerima++;
        else if (c) calon.push(c);
      }
      if (stage === 'PENILAIAN_ATASAN') {
        for (const rekanDue of await inBatches(evaluations, SEKALIGUS, (e) =>
          untukRekan(deps, e, now, hari),
        )) {
          hasil.diperiksa += rekanDue.menunggu;
          calon.push(...rekanDue.calon);
        }
      }
      const ditulis = await inBatches(calon, SEKALIGUS, (c) => noticeOnce(deps, c.notice, c.key));
      calon.forEach((c, i) => {
        if (ditulis[i]) {
          hasil.dibuat++;
          baru.push(c.notice);
        } else hasil.sudahAda++;
      });
    }
  }
  hasil.email = await kirimEmailNotifikasi(deps, baru);
  return hasil;
}
