import type { Notice } from '../data/notices.js';
import { getEmployees } from '../data/people.js';
import type { Deps } from '../runtime/deps.js';

export interface HasilEmail {
  terkirim: number;
  /** Recipients whose profile has no email (and BKPSDM's shared box): the web form shows them. */
  tanpaAlamat: number;
  gagal: number;
}

const PENUTUP =
  '\n\n--\nPesan otomatis Kinerja ASN Kota Serang. Buka aplikasi (menu "Tugas saya" atau "Notifikasi") untuk menindaklanjuti.';

/**
 * Emails notices that are already stored. The stored notice is the record (the outbox the web
 * form shows); email is a copy for people whose profile has an address. Call it after the
 * notices were written, never before: a failed send is logged and counted, and is not retried,
 * so nobody gets the same message twice. Without an email sender (local mode) it sends nothing.
 */
export async function kirimEmailNotifikasi(deps: Deps, notices: readonly Notice[]): Promise<HasilEmail> {
  const hasil: HasilEmail = { terkirim: 0, tanpaAlamat: 0, gagal: 0 };
  const email = deps.email;
  if (!email || notices.length === 0) return hasil;
  const people = await getEmployees(
    deps,
    notices.map((n) => n.recipient).filter((r) => r !== 'BKPSDM'),
  );
  for (const n of notices) {
    const person = people.get(n.recipient);
    const to = person?.aktif ? person.email?.trim() : undefined;
    if (!to) {
      hasil.tanpaAlamat++;
      continue;
    }
    try {
      await email.send({ to, subject: `[Kinerja ASN] ${n.subject}`, text: `${n.body}${PENUTUP}` });
      hasil.terkirim++;
    } catch (err) {
      hasil.gagal++;
      console.error(
        JSON.stringify({
          pesan: 'email notifikasi gagal',
          kind: n.kind,
          recipient: n.recipient,
          error: (err as Error).name,
        }),
      );
    }
  }
  return hasil;
}
