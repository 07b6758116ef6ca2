/** The seven BerAKHLAK core values (perilaku kerja), in their official order. */
export const BERAKHLAK = [
  {
    kode: 'BERORIENTASI_PELAYANAN',
    nama: 'Berorientasi Pelayanan',
    perilaku:
      'Memahami dan memenuhi kebutuhan masyarakat; ramah, cekatan, solutif, dan dapat diandalkan; terus melakukan perbaikan.',
  },
  {
    kode: 'AKUNTABEL',
    nama: 'Akuntabel',
    perilaku:
      'Jujur, bertanggung jawab, cermat, disiplin, dan berintegritas; menggunakan kekayaan negara secara bertanggung jawab; tidak menyalahgunakan kewenangan.',
  },
  {
    kode: 'KOMPETEN',
    nama: 'Kompeten',
    perilaku:
      'Meningkatkan kompetensi diri; membantu orang lain belajar; melaksanakan tugas dengan kualitas terbaik.',
  },
  {
    kode: 'HARMONIS',
    nama: 'Harmonis',
    perilaku:
      'Menghargai setiap orang apa pun latar belakangnya; suka menolong orang lain; membangun lingkungan kerja yang kondusif.',
  },
  {
    kode: 'LOYAL',
    nama: 'Loyal',
    perilaku:
      'Memegang teguh Pancasila, UUD 1945, NKRI, dan pemerintahan yang sah; menjaga nama baik ASN, pimpinan, instansi, dan negara; menjaga rahasia jabatan.',
  },
  {
    kode: 'ADAPTIF',
    nama: 'Adaptif',
    perilaku:
      'Cepat menyesuaikan diri menghadapi perubahan; terus berinovasi dan mengembangkan kreativitas; bertindak proaktif.',
  },
  {
    kode: 'KOLABORATIF',
    nama: 'Kolaboratif',
    perilaku:
      'Memberi kesempatan kepada berbagai pihak untuk berkontribusi; terbuka bekerja sama untuk menghasilkan nilai tambah; menggerakkan sumber daya untuk tujuan bersama.',
  },
] as const;

export type KodeBerakhlak = (typeof BERAKHLAK)[number]['kode'];
export const KODE_BERAKHLAK = BERAKHLAK.map((v) => v.kode) as [KodeBerakhlak, ...KodeBerakhlak[]];
export const EKSPEKTASI_MAX = 1000;
