import type { Opd, UnitKerja } from '../../../../shared/domain/people/employee.js';
import { type FormFailure, type Viewer, fieldErrors } from '../common/types.js';
import { ErrorSummary, Field, describedBy, fieldId, Input } from '../common/fields.js';
import { CsrfField, Flash, Layout } from '../common/layout.js';
import { RosterSection } from './roster.js';

export type AdminForm = 'mutasi' | 'plt' | 'roster';

export type AdminFailure = FormFailure<AdminForm>;

export interface AdminPageProps {
  viewer: Viewer;
  opd: Opd[];
  units: UnitKerja[];
  flash?: string | undefined;
  failure?: AdminFailure | undefined;
}

const MUTASI_FIELDS = ['nip', 'opd', 'unit', 'atasanNip', 'alasan'] as const;
const PLT_FIELDS = ['jenis', 'nip', 'menggantikanNip', 'mulai', 'selesai', 'alasan'] as const;

/** Field names are prefixed per form so that two forms on one page never share an id. */
const n = (form: AdminForm, field: string) => `${form}.${field}`;

export function AdminPage({ viewer, opd, units, flash, failure }: AdminPageProps) {
  const me = fieldErrors(failure, 'mutasi');
  const pe = fieldErrors(failure, 'plt');
  const v = (form: AdminForm, field: string) => (failure?.form === form ? (failure.values[field] ?? '') : '');
  const text = (
    form: AdminForm,
    field: string,
    label: string,
    errors: Record<string, string>,
    extra: Record<string, string> = {},
  ) => (
    <Input
      name={n(form, field)}
      posted={field}
      label={label}
      error={errors[field]}
      attrs={{ value: v(form, field), ...extra }}
    />
  );
  return (
    <Layout title="Admin BKPSDM" viewer={viewer}>
      <h1>Admin BKPSDM</h1>
      <Flash text={flash} />
      {failure && (
        <ErrorSummary
          message={failure.message}
          issues={failure.issues.map((i) => ({ ...i, path: n(failure.form, i.path) }))}
          fields={(failure.form === 'mutasi' ? MUTASI_FIELDS : failure.form === 'plt' ? PLT_FIELDS : []).map(
            (f) => n(failure.form, f),
          )}
        />
      )}

      <RosterSection csrf={viewer.csrf} />

      <section aria-labelledby="mutasi">
        <h2 id="mutasi">Mutasi pegawai</h2>
        <p class="muted">
          Pindah unit atau OPD, atau ganti atasan langsung. Evaluasi yang masih terbuka ikut pindah ke atasan
          baru dan tercatat di riwayatnya.
        </p>
        <form method="post" action="/admin/mutasi">
          <CsrfField token={viewer.csrf} />
          {text('mutasi', 'nip', 'NIP pegawai', me, {
            inputmode: 'numeric',
            required: '',
            pattern: '\\d{18}',
          })}
          <Field name={n('mutasi', 'opd')} label="OPD baru (kosongkan jika tetap)" error={me.opd}>
            <select id={fieldId(n('mutasi', 'opd'))} name="opd" {...describedBy(n('mutasi', 'opd'), me.opd)}>
              <option value="">— tetap —</option>
              {opd.map((o) => (
                <option value={o.kode} selected={v('mutasi', 'opd') === o.kode}>
                  {o.nama}
                </option>
              ))}
            </select>
          </Field>
          <Field name={n('mutasi', 'unit')} label="Unit kerja baru (kosongkan jika tetap)" error={me.unit}>
            <select
              id={fieldId(n('mutasi', 'unit'))}
              name="unit"
              {...describedBy(n('mutasi', 'unit'), me.unit)}
            >
              <option value="">— tetap —</option>
              {units.map((u) => (
                <option value={u.kode} selected={v('mutasi', 'unit') === u.kode}>
                  {`${u.nama} (${u.opd})`}
                </option>
              ))}
            </select>
          </Field>
          {text('mutasi', 'atasanNip', 'NIP atasan baru (kosongkan jika tetap)', me, {
            inputmode: 'numeric',
            pattern: '\\d{18}',
          })}
          {text('mutasi', 'alasan', 'Dasar mutasi (mis. nomor SK)', me, { required: '' })}
          <button type="submit">Catat mutasi</button>
        </form>
      </section>

      <section aria-labelledby="plt">
        <h2 id="plt">Penugasan Plt/Plh atasan</h2>
        <p class="muted">
          Selama tanggal berlaku, Plt/Plh memutuskan SKP tim atasan yang digantikan (bukan atasan definitif).
        </p>
        <form method="post" action="/admin/plt">
          <CsrfField token={viewer.csrf} />
          <Field name={n('plt', 'jenis')} label="Jenis penugasan" error={pe.jenis}>
            <select
              id={fieldId(n('plt', 'jenis'))}
              name="jenis"
              {...describedBy(n('plt', 'jenis'), pe.jenis)}
            >
              <option value="PLT" selected={v('plt', 'jenis') !== 'PLH'}>
                Pelaksana Tugas (Plt)
              </option>
              <option value="PLH" selected={v('plt', 'jenis') === 'PLH'}>
                Pelaksana Harian (Plh)
              </option>
            </select>
          </Field>
          {text('plt', 'nip', 'NIP Plt/Plh', pe, { inputmode: 'numeric', required: '', pattern: '\\d{18}' })}
          {text('plt', 'menggantikanNip', 'NIP atasan yang digantikan', pe, {
            inputmode: 'numeric',
            required: '',
            pattern: '\\d{18}',
          })}
          {text('plt', 'mulai', 'Mulai', pe, { type: 'date', required: '' })}
          {text('plt', 'selesai', 'Selesai', pe, { type: 'date', required: '' })}
          {text('plt', 'alasan', 'Dasar penugasan (mis. nomor surat perintah)', pe, { required: '' })}
          <button type="submit">Catat penugasan</button>
        </form>
      </section>
    </Layout>
  );
}
