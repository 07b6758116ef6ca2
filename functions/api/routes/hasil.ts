import { putuskan } from '../../../shared/app/evaluation/keberatan.js';
import { ringkasan } from '../../../shared/app/evaluation/ringkasan.js';
import {
  berikanUmpanBalik,
  simpanUmpanBalik,
  tanggapiPenilaian,
} from '../../../shared/app/evaluation/umpan-balik.js';
import {
  HasilMutationResult,
  PutusanKeberatanBody,
  RingkasanSchema,
  TanggapanBody,
  UmpanBalikBody,
} from '../../../shared/schemas/hasil.js';
import {
  EV,
  evaluationAction,
  evaluationRead,
  featureApp,
  type EvaluationActionSpec,
  type Versioned,
} from './kit.js';

/**
 * The outcome of an evaluation: the atasan's feedback, the employee's response or objection,
 * the decision on it, and the one-page summary. Each answers with the evaluation and its outcome.
 */
export function hasilApi() {
  const app = featureApp();
  const action = <B extends Versioned>(a: EvaluationActionSpec<B>) =>
    evaluationAction(app, { result: HasilMutationResult, ...a });

  action({
    method: 'put',
    path: 'umpan-balik',
    summary: 'Atasan menyimpan draf umpan balik (tahap tetap terbuka)',
    input: UmpanBalikBody,
    done: 'Draf disimpan',
    run: simpanUmpanBalik,
  });
  action({
    method: 'post',
    path: 'umpan-balik',
    summary:
      'Atasan memberi umpan balik per hasil kerja, umum, dan saran perbaikan (menyelesaikan tahap umpan balik)',
    input: UmpanBalikBody,
    done: 'Umpan balik diberikan',
    run: berikanUmpanBalik,
  });
  action({
    method: 'post',
    path: 'tanggapan',
    summary: 'Pegawai menerima penilaian atau mengajukan keberatan dengan alasan (dalam masa tanggapan)',
    input: TanggapanBody,
    done: 'Tanggapan dicatat',
    run: tanggapiPenilaian,
  });
  action({
    method: 'post',
    path: 'keberatan/putusan',
    summary:
      'Atasan dari atasan memutus keberatan: mempertahankan atau merevisi penilaian dengan alasan; predikat dihitung ulang',
    input: PutusanKeberatanBody,
    done: 'Keberatan diputus',
    run: putuskan,
  });

  evaluationRead(
    app,
    {
      path: `${EV}/ringkasan`,
      summary:
        'Ringkasan satu halaman: target, realisasi, penilaian, predikat, keberatan, umpan balik, rencana pengembangan',
      result: RingkasanSchema,
      done: 'Ringkasan evaluasi',
    },
    ringkasan,
  );

  return app;
}
