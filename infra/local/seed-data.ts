import type { Cycle } from '../../shared/domain/cycle.js';
import type { Employee, Opd, UnitKerja } from '../../shared/domain/employee.js';
import { formatNipPns } from '../../shared/domain/nip.js';

/** The demo password of every seeded account (local mode only; see README). */
export const DEMO_PASSWORD = 'Serang#2026';

export const OPD: Opd[] = [
  { kode: 'SETDA', nama: 'Sekretariat Daerah', singkatan: 'Setda' },
  { kode: 'DISKOMINFO', nama: 'Dinas Komunikasi dan Informatika', singkatan: 'Diskominfo' },
  { kode: 'DINKES', nama: 'Dinas Kesehatan', singkatan: 'Dinkes' },
  { kode: 'DISHUB', nama: 'Dinas Perhubungan', singkatan: 'Dishub' },
  { kode: 'DINDIKBUD', nama: 'Dinas Pendidikan dan Kebudayaan', singkatan: 'Dindikbud' },
  { kode: 'BKPSDM', nama: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', singkatan: 'BKPSDM' },
  { kode: 'BAPPEDA', nama: 'Badan Perencanaan Pembangunan Daerah', singkatan: 'Bappeda' },
];

export const UNIT: UnitKerja[] = [
  { opd: 'SETDA', kode: 'PIMPINAN', nama: 'Pimpinan Sekretariat Daerah' },
  { opd: 'DISKOMINFO', kode: 'PIMPINAN', nama: 'Pimpinan Dinas' },
  { opd: 'DISKOMINFO', kode: 'SEKRETARIAT', nama: 'Sekretariat' },
  { opd: 'DISKOMINFO', kode: 'APTIKA', nama: 'Bidang Aplikasi Informatika' },
  { opd: 'DISKOMINFO', kode: 'IKP', nama: 'Bidang Informasi dan Komunikasi Publik' },
  { opd: 'DINKES', kode: 'PIMPINAN', nama: 'Pimpinan Dinas' },
  { opd: 'DINKES', kode: 'P2P', nama: 'Bidang Pencegahan dan Pengendalian Penyakit' },
  { opd: 'DINKES', kode: 'PKM-SERANGKOTA', nama: 'UPTD Puskesmas Serang Kota' },
  { opd: 'DISHUB', kode: 'PIMPINAN', nama: 'Pimpinan Dinas' },
  { opd: 'DISHUB', kode: 'LALIN', nama: 'Bidang Lalu Lintas' },
  { opd: 'DINDIKBUD', kode: 'PIMPINAN', nama: 'Pimpinan Dinas' },
  { opd: 'DINDIKBUD', kode: 'SD', nama: 'Bidang Pembinaan Sekolah Dasar' },
  { opd: 'BKPSDM', kode: 'PIMPINAN', nama: 'Pimpinan Badan' },
  { opd: 'BKPSDM', kode: 'PKAP', nama: 'Bidang Pengembangan Kompetensi dan Penilaian Kinerja' },
  { opd: 'BAPPEDA', kode: 'PIMPINAN', nama: 'Pimpinan Badan' },
  { opd: 'BAPPEDA', kode: 'INFRA', nama: 'Bidang Infrastruktur dan Kewilayahan' },
];

type Row = [key: string, nama: string, lahir: string, tmt: string, jk: 'L' | 'P', status: 'PNS' | 'PPPK', gol: Employee['golongan'] | undefined, jabatan: string, jenis: Employee['jenisJabatan'], opd: string, unit: string, atasan?: string, admin?: boolean];

/** Fictional people in real Kota Serang agencies; NIPs follow the PNS layout. */
const PEOPLE: Row[] = [
  ['sekda', 'Drs. H. Ahmad Suhaedi, M.Si.', '1970-03-14', '1996-03', 'L', 'PNS', 'IV/c', 'Sekretaris Daerah', 'JPT', 'SETDA', 'PIMPINAN'],
  ['kadiskominfo', 'Hendra Gunawan, S.Kom., M.T.', '1975-08-21', '2000-12', 'L', 'PNS', 'IV/b', 'Kepala Dinas Komunikasi dan Informatika', 'JPT', 'DISKOMINFO', 'PIMPINAN', 'sekda'],
  ['sekdiskominfo', 'Rina Marlina, S.E., M.M.', '1978-05-02', '2003-04', 'P', 'PNS', 'IV/a', 'Sekretaris Dinas', 'ADMINISTRATOR', 'DISKOMINFO', 'SEKRETARIAT', 'kadiskominfo'],
  ['kabidaptika', 'Dedi Kurniawan, S.T., M.Kom.', '1980-11-09', '2005-01', 'L', 'PNS', 'III/d', 'Kepala Bidang Aplikasi Informatika', 'ADMINISTRATOR', 'DISKOMINFO', 'APTIKA', 'kadiskominfo'],
  ['kabidikp', 'Siti Nurhayati, S.Sos., M.Si.', '1979-02-17', '2004-03', 'P', 'PNS', 'III/d', 'Kepala Bidang Informasi dan Komunikasi Publik', 'ADMINISTRATOR', 'DISKOMINFO', 'IKP', 'kadiskominfo'],
  ['pranata1', 'Fajar Ramadhan, S.Kom.', '1990-04-12', '2015-03', 'L', 'PNS', 'III/b', 'Pranata Komputer Ahli Pertama', 'FUNGSIONAL', 'DISKOMINFO', 'APTIKA', 'kabidaptika'],
  ['pranata2', 'Dewi Lestari, S.Kom.', '1992-07-25', '2019-02', 'P', 'PNS', 'III/a', 'Pranata Komputer Ahli Pertama', 'FUNGSIONAL', 'DISKOMINFO', 'APTIKA', 'kabidaptika'],
  ['pranata3', 'Rizki Maulana, A.Md.', '1995-01-30', '2020-03', 'L', 'PNS', 'II/c', 'Pranata Komputer Terampil', 'FUNGSIONAL', 'DISKOMINFO', 'APTIKA', 'kabidaptika'],
  ['pppkaptika', 'Nur Aini, S.Kom.', '1996-09-03', '2024-08', 'P', 'PPPK', undefined, 'Pranata Komputer Ahli Pertama (PPPK)', 'FUNGSIONAL', 'DISKOMINFO', 'APTIKA', 'kabidaptika'],
  ['pranatahumas', 'Yusuf Hidayat, S.I.Kom.', '1991-12-11', '2017-04', 'L', 'PNS', 'III/b', 'Pranata Hubungan Masyarakat Ahli Pertama', 'FUNGSIONAL', 'DISKOMINFO', 'IKP', 'kabidikp'],
  ['kadinkes', 'dr. Hj. Ratu Ani Nuraeni, M.Kes.', '1972-06-05', '1999-02', 'P', 'PNS', 'IV/b', 'Kepala Dinas Kesehatan', 'JPT', 'DINKES', 'PIMPINAN', 'sekda'],
  ['kabidp2p', 'dr. Agus Setiawan, M.K.M.', '1981-10-19', '2008-01', 'L', 'PNS', 'IV/a', 'Kepala Bidang Pencegahan dan Pengendalian Penyakit', 'ADMINISTRATOR', 'DINKES', 'P2P', 'kadinkes'],
  ['kapkm', 'drg. Maya Sari', '1983-03-08', '2010-05', 'P', 'PNS', 'III/d', 'Kepala UPTD Puskesmas Serang Kota', 'PENGAWAS', 'DINKES', 'PKM-SERANGKOTA', 'kabidp2p'],
  ['bidan1', 'Euis Komalasari, A.Md.Keb.', '1988-08-14', '2012-04', 'P', 'PNS', 'III/a', 'Bidan Terampil', 'FUNGSIONAL', 'DINKES', 'PKM-SERANGKOTA', 'kapkm'],
  ['perawat1', 'Ujang Saepudin, S.Kep., Ns.', '1989-05-27', '2014-03', 'L', 'PNS', 'III/b', 'Perawat Ahli Pertama', 'FUNGSIONAL', 'DINKES', 'PKM-SERANGKOTA', 'kapkm'],
  ['vaksinator', 'Lilis Suryani, A.Md.Kep.', '1994-02-02', '2024-08', 'P', 'PPPK', undefined, 'Perawat Terampil (PPPK)', 'FUNGSIONAL', 'DINKES', 'PKM-SERANGKOTA', 'kapkm'],
  ['kadishub', 'Ir. Bambang Sutrisno, M.T.', '1971-09-16', '1998-03', 'L', 'PNS', 'IV/b', 'Kepala Dinas Perhubungan', 'JPT', 'DISHUB', 'PIMPINAN', 'sekda'],
  ['kabidlalin', 'Teguh Prasetyo, S.SiT., M.M.', '1982-12-03', '2006-03', 'L', 'PNS', 'III/d', 'Kepala Bidang Lalu Lintas', 'ADMINISTRATOR', 'DISHUB', 'LALIN', 'kadishub'],
  ['pkb1', 'Andi Firmansyah', '1987-06-22', '2010-03', 'L', 'PNS', 'II/d', 'Penguji Kendaraan Bermotor Terampil', 'FUNGSIONAL', 'DISHUB', 'LALIN', 'kabidlalin'],
  ['lalin1', 'Sri Wahyuni, S.Tr.', '1993-11-29', '2019-02', 'P', 'PNS', 'III/a', 'Analis Lalu Lintas', 'PELAKSANA', 'DISHUB', 'LALIN', 'kabidlalin'],
  ['lalin2', 'Muhamad Iqbal', '1997-04-04', '2024-08', 'L', 'PPPK', undefined, 'Pengatur Lalu Lintas (PPPK)', 'PELAKSANA', 'DISHUB', 'LALIN', 'kabidlalin'],
  ['kadindik', 'Dr. H. Tb. Suherman, M.Pd.', '1969-01-20', '1995-03', 'L', 'PNS', 'IV/c', 'Kepala Dinas Pendidikan dan Kebudayaan', 'JPT', 'DINDIKBUD', 'PIMPINAN', 'sekda'],
  ['kabidsd', 'Neneng Hasanah, S.Pd., M.Pd.', '1977-07-07', '2002-01', 'P', 'PNS', 'IV/a', 'Kepala Bidang Pembinaan Sekolah Dasar', 'ADMINISTRATOR', 'DINDIKBUD', 'SD', 'kadindik'],
  ['analissd', 'Irfan Hakim, S.Pd.', '1990-10-10', '2015-03', 'L', 'PNS', 'III/b', 'Analis Kurikulum dan Pembelajaran', 'PELAKSANA', 'DINDIKBUD', 'SD', 'kabidsd'],
  ['kabkpsdm', 'Hj. Nurhasanah, S.H., M.Si.', '1973-04-18', '1999-03', 'P', 'PNS', 'IV/b', 'Kepala BKPSDM', 'JPT', 'BKPSDM', 'PIMPINAN', 'sekda'],
  ['kabidpkap', 'Wawan Setiawan, S.Psi., M.Si.', '1980-01-25', '2005-03', 'L', 'PNS', 'IV/a', 'Kepala Bidang Pengembangan Kompetensi dan Penilaian Kinerja', 'ADMINISTRATOR', 'BKPSDM', 'PKAP', 'kabkpsdm', true],
  ['analissdm', 'Putri Ayu Wulandari, S.Psi.', '1994-05-15', '2019-02', 'P', 'PNS', 'III/a', 'Analis Sumber Daya Manusia Aparatur Ahli Pertama', 'FUNGSIONAL', 'BKPSDM', 'PKAP', 'kabidpkap', true],
  ['kabappeda', 'Ir. H. Joko Santoso, M.T.', '1970-12-12', '1997-03', 'L', 'PNS', 'IV/c', 'Kepala Bappeda', 'JPT', 'BAPPEDA', 'PIMPINAN', 'sekda'],
  ['kabidinfra', 'Ahmad Fauzi, S.T., M.Eng.', '1984-08-08', '2009-03', 'L', 'PNS', 'III/d', 'Kepala Bidang Infrastruktur dan Kewilayahan', 'ADMINISTRATOR', 'BAPPEDA', 'INFRA', 'kabappeda'],
  ['perencana1', 'Rahmawati, S.T.', '1991-03-03', '2017-04', 'P', 'PNS', 'III/b', 'Perencana Ahli Pertama', 'FUNGSIONAL', 'BAPPEDA', 'INFRA', 'kabidinfra'],
];

function nipOf(r: Row): string {
  const [, , lahir, tmt, jk, status] = r;
  // NI PPPK layout is unconfirmed; the seed uses birth date + appointment year + "21" + gender + seq.
  if (status === 'PPPK') return `${lahir.replaceAll('-', '')}${tmt.slice(0, 4)}21${jk === 'L' ? 1 : 2}001`;
  return formatNipPns({ tanggalLahir: lahir, tmtCpns: tmt, jenisKelamin: jk, urutan: 1 });
}

const byKey = new Map(PEOPLE.map((r) => [r[0], nipOf(r)]));

export const EMPLOYEES: (Employee & { key: string })[] = PEOPLE.map((r) => {
  const [key, nama, , , , status, golongan, jabatan, jenisJabatan, opd, unit, atasan, admin] = r;
  return {
    key,
    nip: byKey.get(key)!,
    nama,
    status,
    ...(golongan ? { golongan } : {}),
    jabatan,
    jenisJabatan,
    opd,
    unit,
    ...(atasan ? { atasanNip: byKey.get(atasan)! } : {}),
    aktif: true,
    ...(admin ? { admin: true } : {}),
  };
});

export const nipOfKey = (key: string): string => {
  const nip = byKey.get(key);
  if (!nip) throw new Error(`No seeded employee ${key}`);
  return nip;
};

/** The 2027 annual cycle: SKP must be agreed by the end of January (WIB). */
export const CYCLE: Cycle = {
  id: '2027',
  nama: 'Penilaian Kinerja Tahunan 2027',
  tahun: 2027,
  periode: 'TAHUNAN',
  mulai: '2027-01-01',
  selesai: '2027-12-31',
  jadwal: { PENETAPAN_TARGET: '2027-01-31T16:59:59.000Z' },
  graceDays: 7,
  scope: 'ALL',
  status: 'DIBUKA',
};
