import type { JenisBentuk } from './katalog.js';
import type { ProfilPegawai } from './rekomendasi.js';
import type { RencanaPengembangan } from './rencana.js';

/**
 * The development plan as stored: one per employee and year (shared/data/rencana.ts), and the
 * copy an evaluation keeps of it.
 */

/** A recommendation as the evaluation proposed it, kept so its reasons stay visible after edits. */
export interface SaranPelatihan {
  pelatihanId: string;
  judul: string;
  jp: number;
  bentuk: JenisBentuk;
  alasan: string[];
}

export interface UsulanRencana {
  cycleId: string;
  pada: string;
}

export interface KonfirmasiRencana {
  cycleId: string;
  nip: string;
  nama: string;
  pada: string;
}

export interface RencanaTersimpan extends RencanaPengembangan {
  nip: string;
  /** Whom the plan was made for: targeted trainings are offered against it. */
  profil: ProfilPegawai;
  /** The evaluations that proposed it, oldest first (quarterly cycles add to one year's plan). */
  usulan: UsulanRencana[];
  rekomendasi: SaranPelatihan[];
  konfirmasi?: KonfirmasiRencana;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/**
 * What an evaluation keeps of its plan: a copy that follows the plan while the evaluation's
 * RENCANA_PENGEMBANGAN stage is open and then stays as agreed, so the evaluation page and the
 * closed evaluation's summary read it from the evaluation item alone. `rencanaVersion` is the
 * plan's version the copy was taken at, which the page's forms send back.
 */
export type RencanaEvaluasi = Omit<RencanaTersimpan, 'nip' | 'version' | 'createdAt' | 'updatedAt'> & {
  rencanaVersion: number;
};
