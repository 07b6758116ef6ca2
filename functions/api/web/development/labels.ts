import { BERAKHLAK, type KodeBerakhlak } from '../../../../shared/domain/evaluation/berakhlak.js';
import type {
  JenisBentuk,
  JenisKompetensi,
  Pelatihan,
  StatusRencana,
} from '../../../../shared/domain/development/index.js';

export const JENIS_KOMPETENSI_LABEL: Record<JenisKompetensi, string> = {
  TEKNIS: 'Teknis',
  MANAJERIAL: 'Manajerial',
  SOSIAL_KULTURAL: 'Sosial kultural',
};

export const BENTUK_LABEL: Record<JenisBentuk, string> = {
  KLASIKAL: 'Klasikal',
  NONKLASIKAL: 'Nonklasikal',
};

const SUB_LABEL: Record<Pelatihan['bentuk']['sub'], string> = {
  PELATIHAN_KEPEMIMPINAN: 'pelatihan kepemimpinan',
  PELATIHAN_MANAJERIAL: 'pelatihan manajerial',
  PELATIHAN_TEKNIS: 'pelatihan teknis',
  PELATIHAN_FUNGSIONAL: 'pelatihan fungsional',
  PELATIHAN_SOSIAL_KULTURAL: 'pelatihan sosial kultural',
  BIMTEK: 'bimbingan teknis',
  WORKSHOP: 'workshop',
  SEMINAR: 'seminar',
  KURSUS: 'kursus',
  COACHING: 'coaching',
  MENTORING: 'mentoring',
  E_LEARNING: 'e-learning',
  PEMBELAJARAN_JARAK_JAUH: 'pembelajaran jarak jauh',
  BIMBINGAN_DI_TEMPAT_KERJA: 'bimbingan di tempat kerja',
};

export const STATUS_RENCANA_LABEL: Record<StatusRencana, string> = {
  DIRENCANAKAN: 'Direncanakan',
  SELESAI: 'Selesai (bersertifikat)',
  BATAL: 'Dibatalkan',
};

export const NAMA_NILAI = Object.fromEntries(BERAKHLAK.map((v) => [v.kode, v.nama])) as Record<
  KodeBerakhlak,
  string
>;

/** "Klasikal (bimbingan teknis), 16 JP, tatap muka". */
export function bentukTeks(p: Pelatihan): string {
  return `${BENTUK_LABEL[p.bentuk.jenis]} (${SUB_LABEL[p.bentuk.sub]}), ${p.jp} JP, ${p.daring ? 'daring' : 'tatap muka'}`;
}
