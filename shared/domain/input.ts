/**
 * The input rules, in one place: what a number, a text and an e-mail address must be before
 * anything is decided or stored. Pure: the JSON API and the web forms reach them through the zod
 * adapters in shared/schemas/input.ts, the roster import calls them directly. Why each limit is
 * what it is: docs/input-rules.md.
 */

/**
 * 2^53 - 1. The document client refuses any number above it before DynamoDB sees it, and above it
 * JavaScript no longer holds every whole number, so it is the ceiling of every numeric field.
 */
export const BATAS_AMAN = Number.MAX_SAFE_INTEGER;

/** DynamoDB's smallest non-zero magnitude; every rule's precision sits far above it. */
export const DYNAMODB_TERKECIL = 1e-130;

export interface AturanAngka {
  /** How the message names the field. */
  label: string;
  min: number;
  /** The minimum itself is refused ("lebih dari 0"). */
  lebihDari?: boolean;
  max: number;
  /** Decimal places kept exactly; 0: whole numbers only. */
  desimal: number;
}

/** A whole number anywhere in the range JavaScript and DynamoDB hold exactly. */
const BULAT_AMAN = { min: -BATAS_AMAN, max: BATAS_AMAN, desimal: 0 } as const;

/**
 * Every number a person sends, by field. target and realisasi share one scale (a result is
 * measured in its target's unit); 4 places cover indexes such as 3,2750, and the ceiling keeps
 * capaian (realisasi / target x 100, at most 10^9 / 10^-4 x 100 = 10^15) under 2^53 - 1 too.
 * The cycle's tahun and masa tenggang are only kept exact here: their ranges (2000-2100, 1-60
 * days) are cycle.ts's rules, reported with the cycle's other problems (422).
 */
export const ANGKA = {
  target: { label: 'Target', min: 0, lebihDari: true, max: 1e9, desimal: 4 },
  realisasi: { label: 'Realisasi', min: 0, max: 1e9, desimal: 4 },
  version: { label: 'Versi', min: 1, max: BATAS_AMAN, desimal: 0 },
  /** The agency curve: 0 sets it the first time. */
  versionKurva: { label: 'Versi', min: 0, max: BATAS_AMAN, desimal: 0 },
  /** A development plan's year. */
  tahun: { label: 'Tahun', min: 2000, max: 2100, desimal: 0 },
  tahunSiklus: { label: 'Tahun', ...BULAT_AMAN },
  graceDays: { label: 'Masa tenggang', ...BULAT_AMAN },
} as const satisfies Record<string, AturanAngka>;

/** 1000000.5 as "1.000.000,5": how the messages write a limit. */
export function tulisAngka(n: number): string {
  const [bulat = '', pecahan] = String(Math.abs(n)).split('.');
  const ribuan = bulat.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${n < 0 ? '-' : ''}${ribuan}${pecahan ? `,${pecahan}` : ''}`;
}

/** Decimal places of the shortest text that reads back as this number (what DynamoDB stores). */
export function jumlahDesimal(n: number): number {
  const [mantisa = '', pangkat = '0'] = String(Math.abs(n)).split('e');
  const desimal = mantisa.split('.')[1]?.length ?? 0;
  return Math.max(0, desimal - Number(pangkat));
}

/** The message for a number that breaks its rule, or undefined when it may be stored as it is. */
export function periksaAngka(aturan: AturanAngka, v: unknown): string | undefined {
  const { label, min, max, desimal } = aturan;
  // Strict: "12", "0x10" and true are not numbers, whatever JavaScript would make of them.
  if (typeof v !== 'number' || Number.isNaN(v)) return `${label} harus berupa angka`;
  if (aturan.lebihDari ? v <= min : v < min)
    return aturan.lebihDari
      ? `${label} harus lebih dari ${tulisAngka(min)}`
      : `${label} minimal ${tulisAngka(min)}`;
  if (v > max) return `${label} paling besar ${tulisAngka(max)}`;
  if (desimal === 0) return Number.isInteger(v) ? undefined : `${label} harus bilangan bulat`;
  const langkah = 10 ** -desimal;
  if (v !== 0 && Math.abs(v) < langkah)
    return `${label} terlalu kecil: paling sedikit ${tulisAngka(langkah)}`;
  if (jumlahDesimal(v) > desimal) return `${label} paling banyak ${desimal} angka di belakang koma`;
  return undefined;
}

/**
 * A number as people type it in a form: digits, an optional minus, and one decimal point or
 * comma ("12", "12.5", "12,5"). No exponent, hexadecimal, thousands separators or "Infinity":
 * what is not plainly a number is undefined, and the field's rule says so by name.
 */
export function bacaAngka(teks: string): number | undefined {
  const t = teks.trim();
  return /^-?\d+(?:[.,]\d+)?$/.test(t) ? Number(t.replace(',', '.')) : undefined;
}

export interface AturanTeks {
  label: string;
  /** Characters (UTF-16 code units, as the forms' maxlength counts), after normalising. */
  max: number;
  /** Applies to non-empty text; `wajib` refuses empty text. */
  min?: number;
  wajib?: boolean;
  /** Newlines and tabs allowed (textareas); elsewhere text is one line. */
  multiBaris?: boolean;
  /** Instead of "<label> wajib diisi", e.g. "Tuliskan alasan pengembalian (minimal 5 karakter)". */
  pesanWajib?: string;
  /** Instead of "<label> minimal <min> karakter". */
  pesanMin?: string;
}

/** Zero width space, non-joiner, joiner, word joiner; U+FEFF is in \s already. */
const TAK_TERLIHAT = '\\u200B-\\u200D\\u2060';
const TEPI = new RegExp(`^[\\s${TAK_TERLIHAT}]+|[\\s${TAK_TERLIHAT}]+$`, 'g');
const SURROGATE_TUNGGAL = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const KENDALI = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const BARIS_BARU = /[\t\n\r]/;
/** Embeddings, overrides (U+202A-U+202E) and isolates (U+2066-U+2069): text that shows reversed. */
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;

/** NFC, without the whitespace and invisible characters around it. */
export const rapikanTeks = (s: string) => s.normalize('NFC').replace(TEPI, '');

export type HasilTeks = { ok: true; value: string } | { ok: false; message: string };

/** A text as it may be stored (NFC, trimmed), or why it may not. */
export function bacaTeks(aturan: AturanTeks, v: unknown): HasilTeks {
  const { label, max, min, wajib, multiBaris } = aturan;
  const gagal = (message: string): HasilTeks => ({ ok: false, message });
  if (typeof v !== 'string') return gagal(`${label} harus berupa teks`);
  // Checked before NFC, which would pass a broken surrogate on unchanged anyway.
  if (SURROGATE_TUNGGAL.test(v)) return gagal(`${label} berisi karakter yang rusak`);
  if (KENDALI.test(v)) return gagal(`${label} berisi karakter kendali yang tidak diizinkan`);
  if (!multiBaris && BARIS_BARU.test(v)) return gagal(`${label} harus satu baris, tanpa tab`);
  if (BIDI.test(v)) return gagal(`${label} berisi karakter pembalik arah teks yang tidak diizinkan`);
  const value = rapikanTeks(v);
  if (value === '') {
    if (wajib) return gagal(aturan.pesanWajib ?? `${label} wajib diisi`);
    // Spaces alone mean "not given"; a zero width space alone is someone typing nothing visible.
    if (v.trim() !== '') return gagal(`${label} hanya berisi karakter yang tidak terlihat`);
    return { ok: true, value };
  }
  if (min !== undefined && value.length < min)
    return gagal(aturan.pesanMin ?? `${label} minimal ${min} karakter`);
  if (value.length > max) return gagal(`${label} terlalu panjang: paling banyak ${max} karakter`);
  return { ok: true, value };
}

/** RFC 5321's limits: 64 for the local part, 254 for the whole address. */
export const BATAS_EMAIL = { lokal: 64, total: 254 } as const;

/**
 * RFC 5322's dot-atom local part without the quote characters (' " `), which Cognito and SES
 * have no use for and HTML would; an ASCII host name of at least two labels whose last is
 * letters. No quoted strings, comments, IP literals, spaces or control characters.
 */
const LOKAL = /^[A-Za-z0-9!#$%&*+/=?^_{|}~-]+(?:\.[A-Za-z0-9!#$%&*+/=?^_{|}~-]+)*$/;
const LABEL_DOMAIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** An e-mail address (lower case) as Cognito will take it for the `email` attribute, or why not. */
export function bacaEmail(v: string): HasilTeks {
  const email = v.trim().toLowerCase();
  const gagal = (alasan: string): HasilTeks => ({
    ok: false,
    message: `Email "${v}" tidak valid: ${alasan}`,
  });
  if (email.length > BATAS_EMAIL.total) return gagal(`paling banyak ${BATAS_EMAIL.total} karakter`);
  const parts = email.split('@');
  if (parts.length !== 2) return gagal('harus berisi tepat satu @');
  const [lokal = '', domain = ''] = parts;
  if (!lokal || lokal.length > BATAS_EMAIL.lokal || !LOKAL.test(lokal))
    return gagal('bagian sebelum @ tidak boleh berisi spasi, tanda kutip, atau tanda seperti < > ( ) , ; :');
  const labels = domain.split('.');
  if (
    labels.length < 2 ||
    !labels.every((l) => LABEL_DOMAIN.test(l)) ||
    !/^[a-z]{2,63}$/.test(labels.at(-1)!)
  )
    return gagal('nama domain setelah @ harus seperti serangkota.go.id');
  return { ok: true, value: email };
}
