// Competency development (PP 11/2017 as amended by PP 17/2020): the training catalogue,
// recommendations from an evaluation's gaps, and the yearly plan with its 20 JP tracking.
export {
  type Bentuk,
  type JenisBentuk,
  type JenisKompetensi,
  type Pelatihan,
  type Sasaran,
  JENIS_BENTUK,
  JENIS_KOMPETENSI,
  SUB_BENTUK,
  checkKatalog,
  checkPelatihan,
} from './katalog.js';
export { KATA_NILAI, menyebut } from './teks.js';
export {
  type Alasan,
  type JenisAlasan,
  type Kesenjangan,
  type OpsiRekomendasi,
  type ProfilPegawai,
  type Rekomendasi,
  BOBOT_ALASAN,
  MAKS_REKOMENDASI,
  rekomendasi,
  sesuaiSasaran,
} from './rekomendasi.js';
export {
  type ItemRencana,
  type RencanaPengembangan,
  type Sertifikat,
  type StatusRencana,
  HAK_JP_TAHUNAN,
  STATUS_RENCANA,
  TOLERANSI_JP,
  rencanaPengembangan,
} from './rencana.js';
export {
  type JpTotals,
  assertRencana,
  batalkan,
  checkItemRencana,
  checkRencana,
  checkSertifikat,
  jpTotals,
  tambahKeRencana,
  tandaiSelesai,
} from './pelacakan.js';
