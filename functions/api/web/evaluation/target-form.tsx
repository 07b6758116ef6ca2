import type { TargetRow } from '../../../../shared/domain/evaluation/skp.js';
import { ASPEK, JENIS_HASIL_KERJA, LIMITS } from '../../../../shared/domain/evaluation/skp.js';
import { ANGKA } from '../../../../shared/domain/input.js';
import type { TargetField } from './skp-forms.js';
import { Field, FieldError, describedBy, fieldId, Input } from '../common/fields.js';
import { CsrfField, VersionField } from '../common/layout.js';
import { ASPEK_LABEL, JENIS_LABEL } from './labels.js';

export type TargetValues = Partial<Record<TargetField, string>>;

export function rowValues(row: TargetRow): TargetValues {
  return {
    jenis: row.jenis,
    rhk: row.rhk,
    intervensiRowId: row.intervensi?.rowId ?? '',
    aspek: row.aspek,
    indikator: row.indikator,
    target: String(row.target),
    satuan: row.satuan,
  };
}

interface TargetFormProps {
  action: string;
  csrf: string;
  version: number;
  values: TargetValues;
  errors: Record<string, string>;
  atasanRows: TargetRow[];
  hasAtasan: boolean;
  submitLabel: string;
  cancelHref?: string | undefined;
}

/** One hasil kerja row, for adding and for editing. */
export function TargetForm({
  action,
  csrf,
  version,
  values,
  errors,
  atasanRows,
  hasAtasan,
  submitLabel,
  cancelHref,
}: TargetFormProps) {
  const text = (name: TargetField, label: string, max: number) => (
    <Input
      name={name}
      label={label}
      error={errors[name]}
      attrs={{ value: values[name] ?? '', maxlength: max, required: true }}
    />
  );
  return (
    <form method="post" action={action} class="panel">
      <CsrfField token={csrf} />
      <VersionField version={version} />
      <Field name="jenis" label="Jenis hasil kerja" error={errors.jenis}>
        <select id={fieldId('jenis')} name="jenis" required {...describedBy('jenis', errors.jenis)}>
          {JENIS_HASIL_KERJA.map((j) => (
            <option value={j} selected={values.jenis === j}>
              {JENIS_LABEL[j]}
            </option>
          ))}
        </select>
      </Field>
      {text('rhk', 'Rencana hasil kerja (RHK)', LIMITS.rhk)}
      <IntervensiSelect
        value={values.intervensiRowId ?? ''}
        error={errors.intervensiRowId}
        atasanRows={atasanRows}
        hasAtasan={hasAtasan}
      />
      <Field name="aspek" label="Aspek" error={errors.aspek}>
        <select id={fieldId('aspek')} name="aspek" required {...describedBy('aspek', errors.aspek)}>
          {ASPEK.map((a) => (
            <option value={a} selected={values.aspek === a}>
              {ASPEK_LABEL[a]}
            </option>
          ))}
        </select>
      </Field>
      {text('indikator', 'Indikator kinerja individu', LIMITS.indikator)}
      <Input
        name="target"
        label="Target (angka)"
        error={errors.target}
        type="number"
        attrs={{
          value: values.target ?? '',
          // The browser checks the server's rule first (shared/domain/input.ts).
          min: String(10 ** -ANGKA.target.desimal),
          max: String(ANGKA.target.max),
          step: String(10 ** -ANGKA.target.desimal),
          inputmode: 'decimal',
          required: true,
        }}
      />
      {text('satuan', 'Satuan target (mis. dokumen, persen, bulan)', LIMITS.satuan)}
      <div class="actions">
        <button type="submit">{submitLabel}</button>
        {cancelHref && <a href={cancelHref}>Batal</a>}
      </div>
    </form>
  );
}

interface IntervensiProps {
  value: string;
  error?: string | undefined;
  atasanRows: TargetRow[];
  hasAtasan: boolean;
}

/** The cascade: which of the atasan's RHK this row contributes to. */
function IntervensiSelect({ value, error, atasanRows, hasAtasan }: IntervensiProps) {
  const name = 'intervensiRowId';
  if (!hasAtasan) {
    return (
      <div class="field">
        <p class="muted">RHK pimpinan yang diintervensi: atasan langsung belum tercatat, hubungi BKPSDM.</p>
        <FieldError name={name} error={error} />
      </div>
    );
  }
  return (
    <Field name={name} label="RHK pimpinan yang diintervensi" error={error}>
      <select id={fieldId(name)} name={name} {...describedBy(name, error)}>
        <option value="" selected={value === ''}>
          — tidak ada —
        </option>
        {atasanRows.map((r) => (
          <option value={r.id} selected={value === r.id}>
            {r.rhk}
          </option>
        ))}
      </select>
      {atasanRows.length === 0 && <p class="muted">Atasan Anda belum mengisi RHK untuk siklus ini.</p>}
    </Field>
  );
}
