import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEvaluation } from '../../shared/data/evaluations.js';
import { BERAKHLAK } from '../../shared/domain/evaluation/berakhlak.js';
import type { Stage } from '../../shared/domain/evaluation/evaluation.js';
import { EMPLOYEES, nipOfKey } from '../../infra/local/seed-data.js';
import { atStage } from '../support/cycle.js';
import { eventually, launchAndWait, startTestSystem, type TestSystem } from '../support/system.js';
import {
  chromiumAvailable,
  noSidewaysScroll,
  openWeb,
  SHOTS,
  signIn as signInAs,
  type WebHarness,
} from '../support/browser.js';

/**
 * One employee's whole evaluation cycle through the plain HTML forms, each step by the person
 * whose step it is: targets and peers, BKPSDM opening the assessment window, self-assessment,
 * three peer reviews, the atasan's review, feedback, an objection revised by the atasan's
 * atasan, the development plan, and the one-page summary. The peers stay anonymous to the
 * employee on every page they can open; the atasan sees them by name.
 */

const PEGAWAI = 'pranata1';
const ATASAN = 'kabidaptika';
const ATASAN_ATASAN = 'kadiskominfo';
const REKAN = ['pranata2', 'pranata3', 'pppkaptika'];
const ADMIN = 'analissdm';

const namaOf = (key: string) => EMPLOYEES.find((e) => e.key === key)!.nama;
/** "Dewi Lestari, S.Kom." is shown whole, or as "Dewi Lestari" in running text. */
const shortName = (key: string) => namaOf(key).split(',')[0]!;

let s: TestSystem;
let web: WebHarness;
/** Every response of 500 or more, with its URL: none is expected anywhere in the cycle. */
const serverErrors: string[] = [];

describe.skipIf(!chromiumAvailable)(
  'a whole evaluation cycle in a real browser (phone, no JavaScript)',
  () => {
    beforeAll(async () => {
      s = await startTestSystem({ cycle: { scope: ['DISKOMINFO'] }, passwords: true });
      await launchAndWait(s);
      await atStage(s, nipOfKey(PEGAWAI), 'PENETAPAN_TARGET');
      web = await openWeb(s);
    });
    afterAll(async () => {
      await web?.close();
      s?.stop();
    });

    // Every page is server-rendered: a missing control will not appear later, so fail soon.
    const signIn = (key: string) =>
      signInAs(web, key, {
        timeoutMs: 15_000,
        onResponse: (r) => {
          if (r.status() >= 500) serverErrors.push(`${r.status()} ${r.url()}`);
        },
      });

    /** Every page of the cycle fits 360 px; one full-page screenshot per stage. */
    async function checkPage(page: Page, shot?: string) {
      expect(await noSidewaysScroll(page), `sideways scroll at 360 px on ${page.url()}`).toBe(true);
      // Every word is for people: no internal code (PREDIKAT_DIHITUNG, DI_ATAS_EKSPEKTASI) shows.
      expect(await text(page), page.url()).not.toMatch(/\b[A-Z]+(?:_[A-Z]+)+\b/);
      if (shot) await page.screenshot({ path: path.join(SHOTS, `siklus-${shot}.png`), fullPage: true });
    }

    const text = (page: Page) => page.locator('body').innerText();

    /** A small table the reader needs whole (a schedule, seven values) is not cut at 360 px. */
    async function fitsScreen(page: Page, table: ReturnType<Page['locator']>) {
      const box = await table.boundingBox();
      expect(box, `table on ${page.url()}`).not.toBeNull();
      expect(box!.x + box!.width, `table cut at 360 px on ${page.url()}`).toBeLessThanOrEqual(360);
    }
    const evaluasiUrl = () => `${web.origin}/evaluasi/${s.cycle.id}/${nipOfKey(PEGAWAI)}`;

    /** The workflow registers the next stage asynchronously: wait for it, then look. */
    async function reached(stage: Stage) {
      try {
        await atStage(s, nipOfKey(PEGAWAI), stage);
      } catch (err) {
        const e = await getEvaluation(s.deps, s.cycle.id, nipOfKey(PEGAWAI));
        const at = { stage: e?.stage, status: e?.status, waiting: !!e?.taskToken, alurGagal: e?.alurGagal };
        throw new Error(`workflow did not reach ${stage}: ${JSON.stringify(at)}`, { cause: err });
      }
    }

    /** The employee (or anyone but the atasan) may not learn who the peers are: no name, no NIP. */
    async function expectNoRekan(page: Page) {
      const html = await page.content();
      for (const key of REKAN) {
        expect(html, `${key} named on ${page.url()}`).not.toContain(shortName(key));
        expect(html, `${key}'s NIP on ${page.url()}`).not.toContain(nipOfKey(key));
      }
    }

    /** "Tugas saya" lists the open stage once the workflow registered it; follow its link. */
    async function openTask(page: Page, tahap: string, pegawai?: string) {
      await page.getByRole('link', { name: 'Tugas saya' }).click();
      const item = page
        .getByRole('listitem')
        .filter({ hasText: tahap })
        .filter({ hasText: pegawai ?? 'Evaluasi Anda' });
      await eventually(async () => {
        if ((await item.count()) === 1) return true;
        await page.reload();
        return false;
      }, 15_000);
      await checkPage(page);
      await item.getByRole('link').click();
      await checkPage(page);
    }

    it('walks targets, window, self-assessment, peers, review, feedback, objection, plan and summary', async () => {
      // 1. The employee drafts one target row, nominates three peers and submits.
      const pegawai = await signIn(PEGAWAI);
      await pegawai.getByRole('link', { name: /2027/ }).first().click();
      await pegawai.getByLabel('Rencana hasil kerja').fill('Terintegrasinya layanan aplikasi Pemkot Serang');
      await pegawai.getByLabel('Indikator kinerja').fill('Jumlah aplikasi layanan yang terintegrasi SSO');
      await pegawai.getByLabel('Target (angka)').fill('5');
      await pegawai.getByLabel('Satuan').fill('aplikasi');
      await pegawai.getByRole('button', { name: /Tambah hasil kerja/ }).click();
      for (const key of REKAN) await pegawai.getByLabel(new RegExp(shortName(key))).check();
      await pegawai.getByRole('button', { name: 'Simpan rekan penilai' }).click();
      await pegawai.getByRole('button', { name: 'Ajukan ke atasan' }).click();
      expect(await text(pegawai)).toContain('Diajukan ke atasan');
      await checkPage(pegawai, '01-skp-diajukan');

      const atasan = await signIn(ATASAN);
      await atasan
        .getByRole('link', { name: /Kotak masuk/ })
        .first()
        .click();
      await atasan
        .getByRole('link', { name: new RegExp(shortName(PEGAWAI)) })
        .first()
        .click();
      const skpAtasan = await text(atasan);
      for (const key of REKAN) expect(skpAtasan).toContain(shortName(key));
      await atasan.getByRole('button', { name: 'Setujui' }).click();
      expect(await text(atasan)).toContain('Tahap penetapan target selesai');
      await checkPage(atasan, '02-skp-disetujui');
      await reached('MENUNGGU_PENILAIAN');
      await pegawai.reload();
      // While waiting, the date shown is when the window opens, not a deadline to act by.
      expect(await text(pegawai)).toMatch(
        /Pelaksanaan \(menunggu masa penilaian\)[^]*Masa penilaian dibuka\s+31 Desember 2027/,
      );
      await expectNoRekan(pegawai);

      // 2. BKPSDM opens the assessment window early from the cycle's admin page.
      const admin = await signIn(ADMIN);
      await admin.getByRole('link', { name: 'Siklus penilaian' }).click();
      await checkPage(admin);
      await admin.getByRole('link', { name: s.cycle.nama }).click();
      expect(new URL(admin.url()).pathname).toBe(`/admin/siklus/${s.cycle.id}`);
      await admin.getByRole('button', { name: 'Buka masa penilaian sekarang' }).click();
      const cyclePage = await text(admin);
      expect(cyclePage).toContain('Masa penilaian dibuka');
      // Launched when the test system started: the page says so rather than "never launched".
      expect(cyclePage).toContain('Siklus sudah berjalan dengan 9 evaluasi');
      await fitsScreen(
        admin,
        admin.locator('table', {
          has: admin.getByRole('rowheader', { name: 'Masa penilaian dibuka', exact: true }),
        }),
      );
      await checkPage(admin, '03-masa-penilaian-dibuka');
      await reached('PENILAIAN_MANDIRI');

      // 3. The self-assessment, found in "Tugas saya": realisation, narrative, evidence, BerAKHLAK.
      await openTask(pegawai, 'Penilaian mandiri');
      await pegawai.getByRole('link', { name: 'Isi penilaian mandiri' }).click();
      await checkPage(pegawai);
      // A half-done draft is kept; submitting it incomplete says what is missing, typed text kept.
      await pegawai.getByLabel(/Realisasi/).fill('6');
      await pegawai.getByRole('button', { name: 'Simpan draf' }).click();
      expect(await text(pegawai)).toContain('Draf disimpan');
      expect(await pegawai.getByLabel(/Realisasi/).inputValue()).toBe('6');
      const narasi = 'Enam aplikasi layanan kini masuk lewat SSO, satu lebih banyak dari target.';
      await pegawai.getByLabel('Narasi capaian').fill(narasi);
      await pegawai.getByRole('button', { name: 'Ajukan penilaian mandiri' }).click();
      const belumLengkap = await pegawai.getByRole('alert').innerText();
      expect(belumLengkap).toContain('Hasil kerja 1: Isi minimal satu bukti dukung');
      for (const v of BERAKHLAK) expect(belumLengkap).toContain(`${v.nama}: Pilih`);
      expect(await pegawai.getByLabel('Narasi capaian').inputValue()).toBe(narasi);
      await checkPage(pegawai);
      await pegawai
        .getByLabel('Bukti dukung')
        .fill('https://diskominfo.serangkota.go.id/laporan/sso-2027\nBerita acara uji SSO nomor 045/BA/2027');
      for (const v of BERAKHLAK) {
        const group = pegawai.getByRole('group', { name: v.nama });
        await group.getByLabel('Penilaian diri').selectOption('SESUAI_EKSPEKTASI');
        await group
          .getByLabel('Contoh perilaku pada periode ini')
          .fill(`Nilai ${v.nama.toLowerCase()}: mendampingi OPD memakai SSO sampai tuntas.`);
      }
      await pegawai.getByRole('button', { name: 'Ajukan penilaian mandiri' }).click();
      expect(await text(pegawai)).toContain('Penilaian diajukan');
      await checkPage(pegawai, '04-penilaian-mandiri');
      await reached('PENILAIAN_ATASAN');

      // 4. Each peer finds the request in "Tugas saya" and rates the seven values with a comment.
      const komentar = [
        'Selalu sigap membantu OPD lain saat migrasi SSO.',
        'Tenang dan teliti ketika ada gangguan layanan.',
        'Rajin berbagi catatan teknis kepada tim.',
      ];
      for (const [i, key] of REKAN.entries()) {
        const rekan = await signIn(key);
        if (i === 1) {
          // The list of every review asked of this peer, linked from "Tugas saya", also leads there.
          await rekan.getByRole('link', { name: 'Tugas saya' }).click();
          await rekan.getByRole('link', { name: /Semua penilaian rekan kerja/ }).click();
          await checkPage(rekan);
          await rekan
            .getByRole('row', { name: new RegExp(shortName(PEGAWAI)) })
            .getByRole('link')
            .click();
        } else {
          await openTask(rekan, 'Penilaian perilaku sebagai rekan kerja', shortName(PEGAWAI));
        }
        expect(await text(rekan)).toContain(`Penilaian rekan: ${namaOf(PEGAWAI)}`);
        for (const v of BERAKHLAK) {
          const group = rekan.getByRole('group', { name: v.nama });
          await group
            .getByLabel('Penilaian')
            .selectOption(i === 0 ? 'DI_ATAS_EKSPEKTASI' : 'SESUAI_EKSPEKTASI');
          await group
            .getByLabel('Komentar')
            .fill(i === 0 && v.kode === 'KOLABORATIF' ? 'Baik' : komentar[i]!);
        }
        await rekan.getByRole('button', { name: 'Ajukan penilaian' }).click();
        if (i === 0) {
          // Too short a comment is refused with the value named; the other answers stay.
          expect(await rekan.getByRole('alert').innerText()).toContain('Kolaboratif:');
          expect(
            await rekan.getByRole('group', { name: 'Akuntabel' }).getByLabel('Komentar').inputValue(),
          ).toBe(komentar[0]);
          await checkPage(rekan);
          await rekan
            .getByRole('group', { name: 'Kolaboratif' })
            .getByLabel('Komentar')
            .fill('Mengajak bidang lain ikut uji coba SSO.');
          await rekan.getByRole('button', { name: 'Ajukan penilaian' }).click();
        }
        expect(await text(rekan)).toContain('Penilaian Anda sudah diajukan');
        await checkPage(rekan, i === 0 ? '05-penilaian-rekan' : undefined);
        await rekan.getByRole('link', { name: /Semua penilaian rekan/ }).click();
        expect(await rekan.getByRole('row', { name: new RegExp(shortName(PEGAWAI)) }).innerText()).toContain(
          'Sudah diajukan',
        );
        await rekan.context().close();
      }
      // The employee sees that peers answered, never who.
      await pegawai.goto(evaluasiUrl());
      await expectNoRekan(pegawai);

      // 5. The atasan's review: the suggestion from the realisation, each peer's review by name.
      await openTask(atasan, 'Penilaian atasan dan rekan kerja', shortName(PEGAWAI));
      await atasan.getByRole('link', { name: 'Nilai kinerja pegawai ini' }).click();
      const review = await text(atasan);
      expect(review).toContain('Menurut capaian: di atas ekspektasi');
      expect(review).toContain('3 dari 3 sudah menjawab');
      for (const key of REKAN) expect(review).toContain(`${namaOf(key)}: `);
      expect(review).toContain(komentar[1]);
      const hasil = atasan.getByLabel('Hasil kerja keseluruhan');
      expect(await hasil.inputValue()).toBe('DI_ATAS_EKSPEKTASI');
      // Choosing other than the suggestion needs a reason: refused at the field, choices kept.
      await hasil.selectOption('SESUAI_EKSPEKTASI');
      for (const v of BERAKHLAK)
        await atasan.getByLabel(`Penilaian Anda: ${v.nama}`).selectOption('SESUAI_EKSPEKTASI');
      await atasan.getByLabel('Perilaku kerja keseluruhan').selectOption('SESUAI_EKSPEKTASI');
      await atasan.getByRole('button', { name: 'Ajukan penilaian' }).click();
      expect(await atasan.getByRole('alert').innerText()).toContain(
        'Hasil kerja keseluruhan: Tuliskan alasan memilih "sesuai ekspektasi"',
      );
      expect(await atasan.getByLabel('Penilaian Anda: Loyal').inputValue()).toBe('SESUAI_EKSPEKTASI');
      await checkPage(atasan);
      await atasan.getByLabel('Hasil kerja keseluruhan').selectOption('DI_ATAS_EKSPEKTASI');
      await atasan.getByRole('button', { name: 'Ajukan penilaian' }).click();
      expect(await text(atasan)).toContain('Penilaian diajukan');
      await checkPage(atasan, '06-penilaian-atasan');
      await reached('UMPAN_BALIK');

      // 6. Feedback, the employee's objection, and the atasan's atasan revising the rating.
      await openTask(atasan, 'Umpan balik atasan', shortName(PEGAWAI));
      // The task lands on the form, not ten phone screens above it.
      expect(new URL(atasan.url()).hash).toBe('#hasil-penilaian');
      await atasan
        .getByLabel(/Umpan balik umum/)
        .fill('Integrasi SSO selesai lebih cepat dan lebih luas dari rencana; dokumentasi rapi.');
      await atasan
        .getByLabel(/Saran perbaikan/)
        .fill('Pelajari analisis data layanan agar dampak integrasi dapat diukur tiap triwulan.');
      await atasan.getByRole('button', { name: 'Berikan umpan balik' }).click();
      expect(await text(atasan)).toContain('Diberikan');
      await checkPage(atasan, '07-umpan-balik');
      await reached('TANGGAPAN');

      await openTask(pegawai, 'Tanggapan pegawai');
      expect(await text(pegawai)).toContain('Integrasi SSO selesai lebih cepat');
      await pegawai.getByLabel('Saya mengajukan keberatan').check();
      await pegawai.getByRole('button', { name: 'Kirim tanggapan' }).click();
      expect(await pegawai.getByRole('alert').innerText()).toMatch(/Alasan keberatan wajib diisi/);
      expect(await pegawai.getByLabel('Saya mengajukan keberatan').isChecked()).toBe(true);
      await checkPage(pegawai);
      await pegawai
        .getByLabel(/Alasan keberatan/)
        .fill('Perilaku kerja dinilai sesuai ekspektasi padahal rekan menilai di atas ekspektasi.');
      await pegawai.getByRole('button', { name: 'Kirim tanggapan' }).click();
      expect(await text(pegawai)).toContain('Pegawai mengajukan keberatan');
      await checkPage(pegawai, '08-keberatan');
      await reached('KEBERATAN');

      const atasanAtasan = await signIn(ATASAN_ATASAN);
      await openTask(atasanAtasan, 'Keberatan', shortName(PEGAWAI));
      await atasanAtasan.getByLabel('Revisi penilaian (predikat dihitung ulang)').check();
      await atasanAtasan.getByLabel('Perilaku kerja setelah revisi').selectOption('DI_ATAS_EKSPEKTASI');
      await atasanAtasan
        .getByLabel(/Alasan putusan/)
        .fill('Penilaian rekan dan bukti dukung menunjukkan perilaku di atas ekspektasi.');
      await atasanAtasan.getByRole('button', { name: 'Putuskan keberatan' }).click();
      expect(await text(atasanAtasan)).toContain('Penilaian direvisi: predikat Baik menjadi Sangat Baik');
      await checkPage(atasanAtasan, '09-putusan-keberatan');
      // Only the direct atasan sees who the peers are; the atasan's atasan sees counts, as the employee.
      await expectNoRekan(atasanAtasan);
      await reached('RENCANA_PENGEMBANGAN');

      // 7. The atasan confirms the development plan; the employee sees JP against the 20 JP.
      await openTask(atasan, 'Rencana pengembangan kompetensi', shortName(PEGAWAI));
      expect(new URL(atasan.url()).hash).toBe('#rencana');
      await checkPage(atasan);
      await atasan.getByRole('button', { name: 'Konfirmasi rencana pengembangan' }).click();
      expect(await text(atasan)).toContain(`Rencana dikonfirmasi oleh ${namaOf(ATASAN)}`);
      await checkPage(atasan, '10-rencana-dikonfirmasi');
      await reached('SELESAI');

      await pegawai.getByRole('link', { name: 'Evaluasi saya' }).click();
      await pegawai.getByRole('link', { name: /2027/ }).first().click();
      const akhir = await text(pegawai);
      expect(akhir).toMatch(/Tahap\s+Evaluasi selesai\s+Tenggat\s+Tidak ada \(evaluasi selesai\)/);
      expect(akhir).toMatch(/\d+ JP direncanakan, terhadap hak minimal 20 JP setahun/);
      expect(akhir).toMatch(/Selesai dan direncanakan: (\d+ dari 20 JP|\d+ JP \(hak 20 JP terpenuhi\))/);
      await checkPage(pegawai, '11-evaluasi-selesai');

      // 8. The one-page summary: predikat, feedback and plan.
      await pegawai.getByRole('link', { name: /Ringkasan satu halaman/ }).click();
      const ringkasan = await text(pegawai);
      expect(ringkasan).not.toContain('Ringkasan sementara');
      expect(ringkasan).toMatch(/Predikat\s+Sangat Baik/);
      expect(ringkasan).toContain('6 aplikasi (120%)');
      expect(ringkasan).toContain('Direvisi: predikat Baik menjadi Sangat Baik');
      expect(ringkasan).toContain('Integrasi SSO selesai lebih cepat');
      expect(ringkasan).toContain('Pelajari analisis data layanan');
      expect(ringkasan).toMatch(/Tahun 2028: \d+ JP direncanakan/);
      await fitsScreen(
        pegawai,
        pegawai.locator('table', { has: pegawai.getByRole('columnheader', { name: 'Penilaian mandiri' }) }),
      );
      await checkPage(pegawai, '12-ringkasan');

      // No page the employee can open names a peer or shows a peer's NIP, history included.
      const base = `/evaluasi/${s.cycle.id}/${nipOfKey(PEGAWAI)}`;
      for (const p of [
        '/',
        '/tugas',
        '/notifikasi',
        '/pengembangan',
        '/kotak-masuk',
        '/penilaian-rekan',
        base,
        `${base}/penilaian-mandiri`,
        `${base}/penilaian-atasan`,
        `${base}/ringkasan`,
        `${base}/rencana`,
      ]) {
        const res = await pegawai.goto(`${web.origin}${p}`);
        expect(res?.status(), p).toBe(200);
        await expectNoRekan(pegawai);
        await checkPage(pegawai);
      }

      // The trail is on the evaluation page checked above; it does tell the whole story.
      await pegawai.goto(`${web.origin}${base}`);
      const riwayat = await pegawai.getByRole('region', { name: 'Riwayat' }).innerText();
      for (const langkah of ['Mengajukan penilaian mandiri', 'Mengajukan keberatan', 'Merevisi penilaian'])
        expect(riwayat).toContain(langkah);

      // The atasan's review page shows who said what.
      await atasan.goto(`${web.origin}${base}/penilaian-atasan`);
      const atasanView = await text(atasan);
      for (const key of REKAN) expect(atasanView).toContain(namaOf(key));
      await checkPage(atasan, '13-penilaian-atasan-per-rekan');

      expect(serverErrors).toEqual([]);
    });
  },
);
