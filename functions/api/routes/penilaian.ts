import * as penilaian from '../../../shared/app/evaluation/penilaian.js';
import * as rekan from '../../../shared/app/evaluation/penilaian-rekan.js';
import { evaluasiUntuk } from '../../../shared/app/evaluation/penilaian-view.js';
import { toView } from '../../../shared/app/evaluation/queries.js';
import type { Evaluation } from '../../../shared/domain/evaluation/evaluation.js';
import {
  PenilaianAtasanBody,
  PenilaianMandiriBody,
  PenilaianRekanBody,
  TugasRekanSchema,
} from '../../../shared/schemas/penilaian.js';
import {
  type Ctx,
  depsOf,
  evaluationAction,
  evaluationRead,
  featureApp,
  listRoute,
  versionedAction,
} from './kit.js';

const DRAF = 'Draf disimpan; tahap tetap terbuka';
const DIAJUKAN = 'Diajukan; tahap selesai';
const REKAN = '/penilaian-rekan/{cycleId}/{nip}';

/**
 * The review stages: the employee's self-assessment, the atasan's review and the peers'
 * reviews. PUT saves a draft, POST submits (completes the stage or the peer's task). What each
 * reader may see of them comes with the evaluation detail (GET /evaluations/{cycleId}/{nip}).
 */
export function penilaianApi() {
  const app = featureApp();
  // The caller's own view: no peer identities and nobody else's draft.
  const shown = (c: Ctx, e: Evaluation) => ({
    evaluation: evaluasiUntuk(c.var.principal, toView(e), depsOf(c).now()),
  });

  evaluationAction(app, {
    method: 'put',
    path: 'penilaian-mandiri',
    summary: 'Pegawai menyimpan draf penilaian mandiri (realisasi, narasi, bukti dukung, perilaku)',
    input: PenilaianMandiriBody,
    done: DRAF,
    run: penilaian.simpanPenilaianMandiri,
    shown,
  });
  evaluationAction(app, {
    method: 'post',
    path: 'penilaian-mandiri',
    summary:
      'Pegawai mengajukan penilaian mandiri (menyelesaikan tahap): draf yang tersimpan, dengan setiap isian di badan ' +
      'permintaan menggantikan isian draf yang sama (cukup `{ version }` untuk mengajukan draf); setiap hasil kerja ' +
      'dan nilai BerAKHLAK harus lengkap, yang kurang dijawab 422 per isian',
    input: PenilaianMandiriBody,
    done: DIAJUKAN,
    run: penilaian.ajukanPenilaianMandiri,
    shown,
  });
  evaluationAction(app, {
    method: 'put',
    path: 'penilaian-atasan',
    summary: 'Atasan (atau Plt/Plh yang berlaku) menyimpan draf penilaian kinerja; pegawai belum melihatnya',
    input: PenilaianAtasanBody,
    done: DRAF,
    run: penilaian.simpanPenilaianAtasan,
    shown,
  });
  evaluationAction(app, {
    method: 'post',
    path: 'penilaian-atasan',
    summary:
      'Atasan mengajukan penilaian per hasil kerja, hasil kerja keseluruhan (berbeda dari saran sistem perlu alasan), perilaku per nilai BerAKHLAK dan keseluruhan (menyelesaikan tahap)',
    input: PenilaianAtasanBody,
    done: DIAJUKAN,
    run: penilaian.ajukanPenilaianAtasan,
    shown,
  });

  listRoute(
    app,
    {
      path: '/penilaian-rekan',
      summary: 'Penilaian rekan yang diminta dari saya',
      item: TugasRekanSchema,
      done: 'Tugas penilaian rekan',
    },
    rekan.tugasRekan,
  );
  evaluationRead(
    app,
    {
      path: REKAN,
      summary: 'Penilaian saya sebagai rekan untuk satu pegawai (hanya rekan yang disetujui)',
      result: TugasRekanSchema,
      done: 'Penilaian rekan',
    },
    rekan.bukaPenilaianRekan,
  );
  const rekanAction = (method: 'put' | 'post', summary: string, run: typeof rekan.simpanPenilaianRekan) =>
    versionedAction(app, {
      method,
      path: REKAN,
      summary,
      input: PenilaianRekanBody,
      done: method === 'put' ? DRAF : 'Diajukan',
      run,
      result: TugasRekanSchema,
      shown: (_c, tugas) => tugas,
    });
  rekanAction('put', 'Rekan menyimpan draf penilaian perilaku kerja', rekan.simpanPenilaianRekan);
  rekanAction(
    'post',
    'Rekan mengajukan penilaian perilaku kerja per nilai BerAKHLAK dengan komentar',
    rekan.ajukanPenilaianRekan,
  );

  return app;
}
