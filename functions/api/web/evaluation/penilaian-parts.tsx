import { BERAKHLAK, type KodeBerakhlak } from '../../../../shared/domain/evaluation/berakhlak.js';
import { LABEL_LEVEL } from '../../../../shared/domain/evaluation/capaian.js';
import { isTautan } from '../../../../shared/domain/evaluation/penilaian-mandiri.js';
import { LEVEL, type Level } from '../../../../shared/domain/evaluation/predikat.js';
import { errorAt } from './penilaian-forms.js';
import { Field, describedBy, fieldId, TextArea } from '../common/fields.js';
import { type FormFailure, issuesByPath } from '../common/types.js';

/** The review forms, one a page; a refused one is shown again with what was typed. */
export type PenilaianForm = 'penilaian-mandiri' | 'penilaian-atasan' | 'penilaian-rekan';
export type PenilaianFailure = FormFailure<PenilaianForm>;

export const errorsOf = (failure: PenilaianFailure | undefined) => issuesByPath(failure?.issues ?? []);

export const levelText = (level: Level | undefined) => {
  const text = level ? LABEL_LEVEL[level] : undefined;
  return text ? text[0]!.toUpperCase() + text.slice(1) : 'Belum dinilai';
};

export const namaNilai = (kode: KodeBerakhlak) => BERAKHLAK.find((v) => v.kode === kode)?.nama ?? kode;

interface LevelFieldProps {
  name: string;
  label: string;
  value: string | undefined;
  errors: Record<string, string>;
  hint?: string | undefined;
}

/** One of the three levels; "— pilih —" posts nothing, which a draft allows. */
export function LevelField({ name, label, value, errors, hint }: LevelFieldProps) {
  const error = errorAt(errors, name);
  return (
    <Field name={name} label={label} error={error} hint={hint}>
      <select id={fieldId(name)} name={name} {...describedBy(name, error, !!hint)}>
        <option value="" selected={!value}>
          — pilih —
        </option>
        {LEVEL.map((l) => (
          <option value={l} selected={value === l}>
            {levelText(l)}
          </option>
        ))}
      </select>
    </Field>
  );
}

interface TextFieldProps {
  name: string;
  label: string;
  value: string | undefined;
  errors: Record<string, string>;
  max: number;
  rows?: number;
  hint?: string | undefined;
}

export function TextField({ name, label, value, errors, max, rows = 3, hint }: TextFieldProps) {
  const error = errorAt(errors, name);
  return (
    <TextArea
      name={name}
      label={label}
      value={value ?? ''}
      maxlength={max}
      rows={rows}
      error={error}
      hint={hint}
    />
  );
}

/** Links open in a new context without the referrer; everything else is plain text. */
export function BuktiList({ bukti }: { bukti: readonly string[] }) {
  if (bukti.length === 0) return <span class="muted">Tidak ada bukti dukung</span>;
  return (
    <ul class="bukti">
      {bukti.map((b) => (
        <li>
          {isTautan(b) ? (
            <a href={b} rel="noopener noreferrer nofollow" target="_blank">
              {b}
            </a>
          ) : (
            b
          )}
        </li>
      ))}
    </ul>
  );
}

/** A form value: what was typed when refused, else what is stored. */
export const valueOf = (failure: PenilaianFailure | undefined, name: string, stored: string | undefined) =>
  failure ? failure.values[name] : stored;

const KESELURUHAN: Record<string, string> = {
  hasilKerja: 'Hasil kerja keseluruhan',
  perilakuKerja: 'Perilaku kerja keseluruhan',
};

/** What a problem is about, as the form labels it: the value, the row's number, or the overall. */
function subjekOf(path: string, rows: readonly { id: string }[]): string | undefined {
  const [group, key] = path.split('.');
  if ((group === 'perilaku' || group === 'nilai') && key && BERAKHLAK.some((v) => v.kode === key))
    return namaNilai(key as KodeBerakhlak);
  if (group === 'baris') {
    const i = rows.findIndex((r) => r.id === key);
    return i >= 0 ? `Hasil kerja ${i + 1}` : 'Hasil kerja';
  }
  return group ? KESELURUHAN[group] : undefined;
}

/**
 * For the summary's links: an item's problem (`baris.r1.bukti.2`) points at its field, and each
 * message says what it is about (seven "Pilih di atas, sesuai, ..." alone would not say which).
 */
export const summaryIssues = (failure: PenilaianFailure, rows: readonly { id: string }[] = []) =>
  failure.issues.map((i) => {
    const subjek = subjekOf(i.path, rows);
    return {
      ...i,
      path: i.path.split('.').slice(0, 3).join('.'),
      message: subjek ? `${subjek}: ${i.message}` : i.message,
    };
  });

/** The review forms' two buttons: the one pressed (`aksi`) says save a draft or submit. */
export function SimpanAjukan({ ajukan }: { ajukan: string }) {
  return (
    <div class="actions">
      <button type="submit" name="aksi" value="simpan" class="secondary">
        Simpan draf
      </button>
      <button type="submit" name="aksi" value="ajukan">
        {ajukan}
      </button>
    </div>
  );
}
