/**
 * Flash messages travel in the redirect URL as a key, never as text, so nobody can make
 * the site display words of their choosing through a crafted link.
 */
export const FLASH = {
  ditambah: 'Hasil kerja ditambahkan.',
  diubah: 'Hasil kerja diperbarui.',
  dihapus: 'Hasil kerja dihapus.',
  diajukan: 'SKP diajukan ke atasan.',
  disetujui: 'SKP disetujui. Tahap penetapan target selesai.',
  dikembalikan: 'SKP dikembalikan ke pegawai dengan catatan.',
  ekspektasi: 'Ekspektasi khusus disimpan.',
  rekan: 'Rekan penilai disimpan.',
  mutasi: 'Mutasi dicatat; evaluasi yang terbuka ikut pindah ke atasan baru.',
  plt: 'Penugasan Plt/Plh dicatat pada evaluasi tim yang terbuka.',
  dilanjutkan: 'Alur evaluasi dilanjutkan dari tahap yang tercatat.',
} as const;

export type FlashKey = keyof typeof FLASH;

export function flashText(key: string | undefined): string | undefined {
  return key && Object.hasOwn(FLASH, key) ? FLASH[key as FlashKey] : undefined;
}
