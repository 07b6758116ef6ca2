/**
 * The deactivations an import may not make: the importing admin's own, and the last active
 * BKPSDM admins'. Either would lock BKPSDM out of its own pages, with the CLI or the database as
 * the only way back; a roster file that simply lacks a row must never do that.
 */
import type { Employee } from '../employee.js';
import type { PersonChange } from './diff.js';

export interface AdminRefusal {
  change: PersonChange;
  message: string;
}

const who = (c: PersonChange) => `${c.nama} (NIP ${c.nip})`;

/**
 * Splits the planned deactivations into those allowed and those refused, each refusal with the
 * message that names the person and says what to do. `actorNip` is the NIP of whoever imports
 * (absent, or not a NIP, for the CLI).
 */
export function guardAdmins(
  deactivations: PersonChange[],
  existing: readonly Employee[],
  actorNip: string | undefined,
): { allowed: PersonChange[]; refused: AdminRefusal[] } {
  const refused = new Map<string, string>();
  const self = deactivations.find((d) => d.nip === actorNip);
  if (self)
    refused.set(
      self.nip,
      self.row
        ? `Baris ini menonaktifkan Anda sendiri, ${who(self)}, yang menjalankan impor. Isi kolom aktif ` +
            'dengan "ya"; admin BKPSDM hanya dapat dinonaktifkan oleh admin lain.'
        : `Anda sendiri, ${who(self)}, yang menjalankan impor, tidak ada di berkas dan akan dinonaktifkan. ` +
            'Tambahkan baris Anda; admin BKPSDM hanya dapat dinonaktifkan oleh admin lain.',
    );

  const admins = existing.filter((e) => e.aktif && e.admin);
  const leaving = new Set(deactivations.filter((d) => !refused.has(d.nip)).map((d) => d.nip));
  if (admins.length && admins.every((a) => leaving.has(a.nip))) {
    const names = admins.map((a) => `${a.nama} (NIP ${a.nip})`).join(', ');
    for (const d of deactivations.filter((x) => admins.some((a) => a.nip === x.nip)))
      refused.set(
        d.nip,
        `Impor ini akan menonaktifkan semua admin BKPSDM yang aktif (${names}); minimal satu harus tetap ` +
          `aktif. ${d.row ? 'Isi kolom aktif baris ini dengan "ya"' : `Tambahkan baris untuk ${who(d)}`}.`,
      );
  }
  return {
    allowed: deactivations.filter((d) => !refused.has(d.nip)),
    refused: deactivations.flatMap((d) => {
      const message = refused.get(d.nip);
      return message ? [{ change: d, message }] : [];
    }),
  };
}
