import { pelatihanById } from '../../../../shared/app/development/pengembangan.js';
import {
  type ItemRencana,
  type JenisKompetensi,
  type Pelatihan,
  type JpTotals,
  JENIS_KOMPETENSI,
} from '../../../../shared/domain/development/index.js';
import { jpTerhadapHak, tanggal } from '../common/format.js';
import { CsrfField, VersionField } from '../common/layout.js';
import { type FormFailure, failureFor } from '../common/types.js';
import { evaluationHref } from '../evaluation/status.js';
import {
  BENTUK_LABEL,
  JENIS_KOMPETENSI_LABEL,
  NAMA_NILAI,
  STATUS_RENCANA_LABEL,
  bentukTeks,
} from './labels.js';

/** The plan's forms; a refused one is shown again at the form that caused it. */
export type FormRencana = 'tambah' | 'batal' | 'konfirmasi' | 'selesai';

/** A refused plan form; `rowId` is the plan item the form belongs to. */
export type GagalRencana = FormFailure<FormRencana>;

export const rencanaHref = (e: { cycleId: string; nip: string }) => `${evaluationHref(e)}/rencana`;

/** Where a form came from, so that success returns there (the evaluation page or the plan page). */
export type Dari = 'evaluasi' | 'rencana';

function DariField({ dari }: { dari: Dari }) {
  return <input type="hidden" name="dari" value={dari} />;
}

/** First message per field, and what no field of the form explains, for display at the form. */
function pesanForm(failure: GagalRencana | undefined, fields: readonly string[]) {
  const errors: Record<string, string> = {};
  const lain: string[] = [];
  for (const i of failure?.issues ?? []) {
    if (fields.includes(i.path)) errors[i.path] ??= i.message;
    else lain.push(i.message);
  }
  if (failure && failure.issues.length === 0) lain.push(failure.message);
  return { errors, lain };
}

function Galat({ id, text }: { id: string; text?: string | undefined }) {
  return text ? (
    <p class="field-error" id={id}>
      {text}
    </p>
  ) : null;
}

const aria = (id: string, error: string | undefined) =>
  error ? { 'aria-invalid': 'true', 'aria-describedby': `${id}-galat` } : {};

/**
 * JP against the yearly entitlement as two native progress bars (no script, no inline style):
 * what is certified, and what is certified or still planned.
 */
export function JpBar({ jp, tahun, id }: { jp: JpTotals; tahun: number; id: string }) {
  const { selesai, direncanakan, hak, kurang } = jp;
  const total = selesai + direncanakan;
  return (
    <div class="panel">
      <p>
        <strong>{`JP tahun ${tahun}`}</strong>
        {`: ${selesai} JP selesai bersertifikat dan ${direncanakan} JP direncanakan, terhadap hak minimal ${hak} JP setahun.`}
      </p>
      <div class="field">
        <label for={`${id}-selesai`}>{`Selesai bersertifikat: ${jpTerhadapHak(selesai, hak)}`}</label>
        <progress id={`${id}-selesai`} max={hak} value={Math.min(selesai, hak)}>
          {`${selesai} JP`}
        </progress>
      </div>
      <div class="field">
        <label for={`${id}-total`}>{`Selesai dan direncanakan: ${jpTerhadapHak(total, hak)}`}</label>
        <progress id={`${id}-total`} max={hak} value={Math.min(total, hak)}>
          {`${total} JP`}
        </progress>
      </div>
      {kurang === 0 ? (
        <p class="done">{`Hak ${hak} JP tahun ${tahun} terpenuhi dengan sertifikat.`}</p>
      ) : total < hak ? (
        <p class="notice">
          {`Rencana ini belum mencapai ${hak} JP: tambahkan pelatihan dari katalog (kurang ${hak - total} JP).`}
        </p>
      ) : (
        <p class="muted">{`Masih ${kurang} JP lagi yang perlu diselesaikan dengan sertifikat.`}</p>
      )}
    </div>
  );
}

interface BatalProps {
  action: (item: ItemRencana) => string;
  csrf: string;
  version: number;
  dari: Dari;
}

interface SelesaiProps {
  csrf: string;
  version: number;
}

/** The plan's trainings with their reasons, status and certificate; forms where allowed. */
export function DaftarItem({
  items,
  batal,
  selesai,
  failure,
}: {
  items: readonly ItemRencana[];
  batal?: BatalProps | undefined;
  selesai?: SelesaiProps | undefined;
  failure?: GagalRencana | undefined;
}) {
  if (items.length === 0) return <p class="muted">Belum ada pelatihan dalam rencana ini.</p>;
  return (
    <ul class="plain">
      {items.map((item) => {
        const p = pelatihanById(item.pelatihanId);
        return (
          <li>
            <strong>{item.judul}</strong>
            <p class="muted">
              {`${item.jp} JP, ${BENTUK_LABEL[item.bentuk]}${p ? `, ${p.penyelenggara}` : ''}. Status: `}
              <strong>{STATUS_RENCANA_LABEL[item.status]}</strong>
            </p>
            {item.alasan && item.alasan.length > 0 && (
              <>
                <p>Alasan rekomendasi:</p>
                <ul>
                  {item.alasan.map((a) => (
                    <li>{a}</li>
                  ))}
                </ul>
              </>
            )}
            {item.sertifikat && (
              <p>
                {`Sertifikat nomor ${item.sertifikat.nomor}, tanggal ${tanggal(item.sertifikat.tanggal)}, ${item.sertifikat.penyelenggara}.`}
              </p>
            )}
            {item.catatanBatal && <p>{`Catatan pembatalan: "${item.catatanBatal}"`}</p>}
            {batal && item.status === 'DIRENCANAKAN' && (
              <BatalForm item={item} {...batal} failure={failureFor(failure, 'batal', item.id)} />
            )}
            {selesai && item.status === 'DIRENCANAKAN' && (
              <SelesaiForm
                item={item}
                penyelenggara={p?.penyelenggara ?? ''}
                {...selesai}
                failure={failureFor(failure, 'selesai', item.id)}
              />
            )}
          </li>
        );
      })}
    </ul>
  );
}

function BatalForm({
  item,
  action,
  csrf,
  version,
  dari,
  failure,
}: BatalProps & { item: ItemRencana; failure?: GagalRencana | undefined }) {
  const id = `batal-${item.id}`;
  const { errors, lain } = pesanForm(failure, ['catatan']);
  return (
    <details open={!!failure}>
      <summary>Batalkan pelatihan ini</summary>
      <form method="post" action={action(item)}>
        <CsrfField token={csrf} />
        <VersionField version={version} />
        <DariField dari={dari} />
        <div class={errors.catatan ? 'field has-error' : 'field'}>
          <label for={id}>Alasan pembatalan (wajib, minimal 5 karakter)</label>
          <Galat id={`${id}-galat`} text={errors.catatan} />
          <textarea
            id={id}
            name="catatan"
            required
            minlength={5}
            maxlength={500}
            rows={2}
            {...aria(id, errors.catatan)}
          >
            {failure?.values.catatan ?? ''}
          </textarea>
        </div>
        {lain.length > 0 && <p class="field-error">{lain.join(' ')}</p>}
        <button type="submit" class="danger">
          Batalkan pelatihan
        </button>
      </form>
    </details>
  );
}

export const SERTIFIKAT_FIELDS = [
  'sertifikat.nomor',
  'sertifikat.tanggal',
  'sertifikat.penyelenggara',
] as const;

function SelesaiForm({
  item,
  penyelenggara,
  csrf,
  version,
  failure,
}: SelesaiProps & { item: ItemRencana; penyelenggara: string; failure?: GagalRencana | undefined }) {
  const { errors, lain } = pesanForm(failure, SERTIFIKAT_FIELDS);
  const value = (name: string, fallback = '') => failure?.values[name] ?? fallback;
  const input = (name: (typeof SERTIFIKAT_FIELDS)[number], label: string, type: string, fallback = '') => {
    const id = `${name.replace('sertifikat.', '')}-${item.id}`;
    return (
      <div class={errors[name] ? 'field has-error' : 'field'}>
        <label for={id}>{label}</label>
        <Galat id={`${id}-galat`} text={errors[name]} />
        <input
          type={type}
          id={id}
          name={name}
          required
          value={value(name, fallback)}
          {...(type === 'date'
            ? { min: `${item.tahun}-01-01`, max: `${item.tahun}-12-31` }
            : { maxlength: name === 'sertifikat.nomor' ? 100 : 200 })}
          {...aria(id, errors[name])}
        />
      </div>
    );
  };
  return (
    <details open={!!failure}>
      <summary>Catat selesai dengan sertifikat</summary>
      <form method="post" action={`/pengembangan/${item.tahun}/${item.id}/selesai`}>
        <CsrfField token={csrf} />
        <VersionField version={version} />
        {input('sertifikat.nomor', 'Nomor sertifikat', 'text')}
        {input('sertifikat.tanggal', `Tanggal selesai (dalam tahun ${item.tahun})`, 'date')}
        {input('sertifikat.penyelenggara', 'Penyelenggara pada sertifikat', 'text', penyelenggara)}
        {lain.length > 0 && <p class="field-error">{lain.join(' ')}</p>}
        <button type="submit">Simpan sertifikat</button>
      </form>
    </details>
  );
}

interface TambahProps {
  action: string;
  csrf: string;
  version: number;
  dari: Dari;
}

/** One button that adds one catalogue entry (used beside a recommendation or a catalogue entry). */
export function TambahTombol({
  action,
  csrf,
  version,
  dari,
  pelatihan,
}: TambahProps & { pelatihan: Pelatihan }) {
  return (
    <form method="post" action={action} class="inline">
      <CsrfField token={csrf} />
      <VersionField version={version} />
      <DariField dari={dari} />
      <input type="hidden" name="pelatihanId" value={pelatihan.id} />
      <button type="submit" class="secondary">
        Tambahkan ke rencana
      </button>
    </form>
  );
}

/** A select of the catalogue entries open to the employee, grouped by competency type. */
export function TambahForm({
  action,
  csrf,
  version,
  dari,
  pilihan,
  failure,
}: TambahProps & { pilihan: readonly Pelatihan[]; failure?: GagalRencana | undefined }) {
  const id = `tambah-${dari}`;
  const { errors, lain } = pesanForm(failure, ['pelatihanId']);
  const chosen = failure?.values.pelatihanId ?? '';
  const groups = JENIS_KOMPETENSI.map((j): [JenisKompetensi, Pelatihan[]] => [
    j,
    pilihan.filter((p) => p.jenisKompetensi === j),
  ]).filter(([, ps]) => ps.length > 0);
  return (
    <form method="post" action={action} class="panel">
      <CsrfField token={csrf} />
      <VersionField version={version} />
      <DariField dari={dari} />
      <div class={errors.pelatihanId ? 'field has-error' : 'field'}>
        <label for={id}>Tambah pelatihan dari katalog</label>
        <Galat id={`${id}-galat`} text={errors.pelatihanId} />
        <select id={id} name="pelatihanId" required {...aria(id, errors.pelatihanId)}>
          <option value="">Pilih pelatihan</option>
          {groups.map(([jenis, ps]) => (
            <optgroup label={JENIS_KOMPETENSI_LABEL[jenis]}>
              {ps.map((p) => (
                <option value={p.id} selected={p.id === chosen}>
                  {`${p.judul} (${p.jp} JP, ${BENTUK_LABEL[p.bentuk.jenis].toLowerCase()})`}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      {lain.length > 0 && <p class="field-error">{lain.join(' ')}</p>}
      <button type="submit">Tambahkan</button>
    </form>
  );
}

export function KonfirmasiForm({
  action,
  csrf,
  version,
  dari,
  awaitingWorkflow,
  failure,
}: TambahProps & { awaitingWorkflow: boolean; failure?: GagalRencana | undefined }) {
  return (
    <form method="post" action={action} class="panel">
      <CsrfField token={csrf} />
      <VersionField version={version} />
      <DariField dari={dari} />
      <p>
        Mengonfirmasi rencana ini menyelesaikan tahap rencana pengembangan. Rencana tetap dapat disesuaikan
        sesudahnya, dan pegawai mencatat sertifikat setiap pelatihan yang selesai.
      </p>
      {!awaitingWorkflow && (
        <p class="notice">
          Alur kerja sedang tidak menunggu konfirmasi; konfirmasi mungkin ditolak sementara.
        </p>
      )}
      {failure && <p class="field-error">{failure.message}</p>}
      <button type="submit">Konfirmasi rencana pengembangan</button>
    </form>
  );
}

/** A catalogue entry described for a reader choosing it. */
export function PelatihanKeterangan({ p }: { p: Pelatihan }) {
  const nilai = p.nilai.map((n) => NAMA_NILAI[n]).join(', ');
  return (
    <>
      <strong>{p.judul}</strong>
      <p class="muted">{`${JENIS_KOMPETENSI_LABEL[p.jenisKompetensi]}; ${bentukTeks(p)}; ${p.penyelenggara}.`}</p>
      <p>
        {nilai ? `Mengembangkan nilai ${nilai}` : 'Mengembangkan'}
        {p.kompetensi.length ? `${nilai ? '; kompetensi ' : ' kompetensi '}${p.kompetensi.join(', ')}.` : '.'}
      </p>
    </>
  );
}
