import { BERAKHLAK, type KodeBerakhlak } from './berakhlak.js';
import { checkRealisasi, hitungCapaian } from './capaian.js';
import type { Cycle } from './cycle.js';
import type { Evaluation } from './evaluation.js';
import type { RencanaPengembangan } from '../development/rencana.js';
import type { HasilPenilaian, PutusanKeberatan, Tanggapan, UmpanBalik } from './penilaian-model.js';
import type { Level } from './predikat.js';
import type { TargetRow } from './skp.js';

export interface BarisRingkasan extends Pick<
  TargetRow,
  'id' | 'jenis' | 'rhk' | 'aspek' | 'indikator' | 'target' | 'satuan'
> {
  realisasi?: number;
  capaian?: number;
  narasi?: string;
  levelAtasan?: Level;
  umpanBalik?: string;
}

export interface PerilakuRingkasan {
  kode: KodeBerakhlak;
  nama: string;
  ekspektasi?: string;
  levelMandiri?: Level;
  levelAtasan?: Level;
}

/** One page: what was planned, achieved and rated, what was said about it, and what comes next. */
export interface RingkasanEvaluasi {
  evaluation: Pick<
    Evaluation,
    'cycleId' | 'nip' | 'nama' | 'jabatan' | 'opd' | 'unit' | 'stage' | 'status'
  > & {
    opdNama?: string;
    unitNama?: string;
    atasanNama?: string;
    selesaiPada?: string;
  };
  cycle?: Pick<Cycle, 'id' | 'nama' | 'tahun' | 'periode' | 'mulai' | 'selesai'>;
  /** False while the evaluation is still running: the page says it is provisional. */
  final: boolean;
  hasilKerja: BarisRingkasan[];
  perilaku: PerilakuRingkasan[];
  hasil?: HasilPenilaian;
  alasanHasilKerja?: string;
  alasanPerilaku?: string;
  umpanBalik?: Pick<UmpanBalik, 'umum' | 'saran' | 'diberikanPada'>;
  tanggapan?: Tanggapan;
  putusanKeberatan?: PutusanKeberatan;
  /** Peer reviews as counts only: who reviewed is never part of the summary. */
  rekan?: { diminta: number; menjawab: number; dilewati: number };
  rencana?: RencanaPengembangan;
}

const opt = <K extends string, V>(k: K, v: V | undefined) =>
  (v === undefined ? {} : { [k]: v }) as Partial<Record<K, V>>;

/**
 * Builds the summary from the evaluation as stored. The atasan's ratings appear only once the
 * review is complete (a result exists), and the feedback only once given, so that a draft never
 * reaches the employee through this page.
 */
export function susunRingkasan(
  e: Evaluation,
  rows: readonly TargetRow[],
  cycle?: Cycle,
  rencana?: RencanaPengembangan,
): RingkasanEvaluasi {
  const dinilai = !!e.hasil;
  const pa = dinilai ? e.penilaianAtasan : undefined;
  const ub = e.umpanBalik?.diberikanPada ? e.umpanBalik : undefined;
  const mandiri = e.penilaianMandiri;
  const hasilKerja = rows.map((r): BarisRingkasan => {
    const realisasi = mandiri?.baris[r.id];
    const capaian =
      realisasi && checkRealisasi(r, realisasi.realisasi).length === 0
        ? hitungCapaian(r, realisasi.realisasi).capaian
        : undefined;
    return {
      id: r.id,
      jenis: r.jenis,
      rhk: r.rhk,
      aspek: r.aspek,
      indikator: r.indikator,
      target: r.target,
      satuan: r.satuan,
      ...opt('realisasi', realisasi?.realisasi),
      ...opt('capaian', capaian),
      ...opt('narasi', realisasi?.narasi),
      ...opt('levelAtasan', pa?.baris[r.id]?.level),
      ...opt('umpanBalik', ub?.baris[r.id]),
    };
  });
  const perilaku = BERAKHLAK.map((v): PerilakuRingkasan => ({
    kode: v.kode,
    nama: v.nama,
    ...opt('ekspektasi', e.ekspektasi?.[v.kode]),
    ...opt('levelMandiri', mandiri?.perilaku[v.kode]?.level),
    ...opt('levelAtasan', pa?.perilaku[v.kode]?.level),
  }));
  return {
    evaluation: {
      cycleId: e.cycleId,
      nip: e.nip,
      nama: e.nama,
      jabatan: e.jabatan,
      opd: e.opd,
      unit: e.unit,
      stage: e.stage,
      status: e.status,
      ...opt('opdNama', e.opdNama),
      ...opt('unitNama', e.unitNama),
      ...opt('atasanNama', e.atasanNama),
      ...opt('selesaiPada', e.selesaiPada),
    },
    ...(cycle
      ? {
          cycle: {
            id: cycle.id,
            nama: cycle.nama,
            tahun: cycle.tahun,
            periode: cycle.periode,
            mulai: cycle.mulai,
            selesai: cycle.selesai,
          },
        }
      : {}),
    final: e.stage === 'SELESAI',
    hasilKerja,
    perilaku,
    ...opt('hasil', e.hasil),
    ...opt('alasanHasilKerja', pa?.hasilKerja.alasan),
    ...opt('alasanPerilaku', pa?.perilakuKerja.alasan),
    ...(ub
      ? { umpanBalik: { umum: ub.umum, saran: ub.saran, ...opt('diberikanPada', ub.diberikanPada) } }
      : {}),
    ...opt('tanggapan', e.tanggapan),
    ...opt('putusanKeberatan', e.putusanKeberatan),
    ...(e.jumlahRekan
      ? {
          rekan: {
            diminta: e.jumlahRekan.diminta,
            menjawab: e.jumlahRekan.menjawab,
            dilewati: e.jumlahRekan.dilewati,
          },
        }
      : {}),
    ...opt('rencana', rencana),
  };
}

/** A stored plan names the evaluations that proposed it (quarterly cycles add to one year's plan). */
export type RencanaTersimpan = RencanaPengembangan & { usulan?: readonly { cycleId: string }[] };

/**
 * The plan to show with an evaluation: the stored plan this cycle proposed, as it stands now
 * (certificates are recorded on it during the following year); failing that, the copy the
 * evaluation kept of its plan when its stage closed.
 */
export function pilihRencana(
  tersimpan: readonly RencanaTersimpan[],
  cycleId: string,
  salinan?: RencanaPengembangan,
): RencanaPengembangan | undefined {
  return tersimpan.find((r) => r.usulan?.some((u) => u.cycleId === cycleId)) ?? salinan;
}
