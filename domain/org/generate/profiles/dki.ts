import { type JurisdictionProfile, type UnitSpec } from '../profile';
import { divisions, HOSPITAL_LINES, mix, officeStaff, PUSKESMAS_LINES, slug, teachers } from '../kit';
import { type SectorId } from '../../../policy/sectors';

/** [id, name, sector, staff, bidang, tags, fixture] of DKI's dinas/badan, sectors as in SE 17/2023. */
type OpdRow = readonly [string, string, SectorId, number, number, readonly string[], boolean];

// prettier-ignore
const OPDS: readonly OpdRow[] = [
  ['setwan', 'Sekretariat DPRD', 'leadership-support', 260, 4, [], false],
  ['inspektorat', 'Inspektorat', 'administration', 320, 4, [], false],
  ['bappeda', 'Badan Perencanaan Pembangunan Daerah', 'administration', 240, 4, [], true],
  ['bpkd', 'Badan Pengelolaan Keuangan Daerah', 'administration', 420, 5, [], false],
  ['bapenda', 'Badan Pendapatan Daerah', 'administration', 1100, 5, ['public-service-desk'], false],
  ['bpad', 'Badan Pengelolaan Aset Daerah', 'administration', 300, 4, [], false],
  ['bkd', 'Badan Kepegawaian Daerah', 'administration', 280, 4, ['hr-office'], true],
  ['bppbj', 'Biro Pengadaan Barang dan Jasa', 'administration', 120, 3, [], false],
  ['bpsdm', 'Badan Pengembangan Sumber Daya Manusia', 'administration', 160, 3, [], false],
  ['bpbd', 'Badan Penanggulangan Bencana Daerah', 'disaster', 420, 4, ['disaster-response'], true],
  ['kesbangpol', 'Badan Kesatuan Bangsa dan Politik', 'security-public-order', 150, 3, [], false],
  ['satpolpp', 'Satuan Polisi Pamong Praja', 'security-public-order', 2600, 4, [], true],
  ['gulkarmat', 'Dinas Penanggulangan Kebakaran dan Penyelamatan', 'fire', 3400, 4, ['disaster-response'], true],
  ['dishub', 'Dinas Perhubungan', 'transport', 2300, 5, [], true],
  ['binamarga', 'Dinas Bina Marga', 'construction', 1300, 4, [], false],
  ['citata', 'Dinas Cipta Karya, Tata Ruang dan Pertanahan', 'construction', 900, 4, [], false],
  ['sda', 'Dinas Sumber Daya Air', 'basic-utilities', 1500, 4, [], false],
  ['prkp', 'Dinas Perumahan Rakyat dan Kawasan Permukiman', 'basic-utilities', 500, 4, [], false],
  ['dlh', 'Dinas Lingkungan Hidup', 'sanitation', 1500, 4, ['waste', 'waste-water'], true],
  ['distamhut', 'Dinas Pertamanan dan Hutan Kota', 'other', 700, 3, [], false],
  ['nakertransgi', 'Dinas Tenaga Kerja, Transmigrasi dan Energi', 'energy', 450, 4, [], false],
  ['dkpkp', 'Dinas Ketahanan Pangan, Kelautan dan Pertanian', 'logistics', 650, 4, [], false],
  ['ppkukm', 'Dinas Perindustrian, Perdagangan, Koperasi, Usaha Kecil dan Menengah', 'distribution', 500, 4, [], false],
  ['dukcapil', 'Dinas Kependudukan dan Pencatatan Sipil', 'civil-registry', 650, 3, ['public-service-desk'], true],
  ['dpmptsp', 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', 'public-service', 900, 4, ['public-service-desk'], true],
  ['dinsos', 'Dinas Sosial', 'public-service', 900, 4, [], false],
  ['dppapp', 'Dinas Pemberdayaan, Perlindungan Anak dan Pengendalian Penduduk', 'public-service', 450, 3, [], false],
  ['diskominfotik', 'Dinas Komunikasi, Informatika dan Statistik', 'administration', 380, 4, [], false],
  ['disparekraf', 'Dinas Pariwisata dan Ekonomi Kreatif', 'other', 300, 3, [], false],
  ['dispora', 'Dinas Pemuda dan Olahraga', 'other', 350, 3, [], false],
  ['disbud', 'Dinas Kebudayaan', 'other', 400, 3, [], false],
  ['dispusip', 'Dinas Perpustakaan dan Kearsipan', 'administration', 300, 3, [], false],
  ['bp-bumd', 'Badan Pembina Badan Usaha Milik Daerah', 'administration', 90, 2, [], false],
  ['up-obvit', 'Unit Pengamanan Objek Vital Daerah', 'national-vital-object', 160, 2, [], false],
  ['up-psn', 'Unit Percepatan Proyek Strategis Nasional', 'national-strategic-project', 90, 2, [], false],
  ['up-pos', 'Unit Pengelola Pos dan Persuratan', 'post', 70, 1, [], false],
];

const SETDA_BUREAUS: readonly (readonly [string, string, SectorId, boolean])[] = [
  ['biro-pemerintahan', 'Biro Pemerintahan', 'administration', false],
  ['biro-hukum', 'Biro Hukum', 'administration', false],
  ['biro-umum', 'Biro Umum dan Administrasi Sekretariat Daerah', 'leadership-support', true],
  ['biro-organisasi', 'Biro Organisasi dan Reformasi Birokrasi', 'administration', false],
  ['biro-kesra', 'Biro Kesejahteraan Sosial', 'administration', false],
  ['biro-perekonomian', 'Biro Perekonomian dan Keuangan', 'administration', false],
  ['biro-kerja-sama', 'Biro Kerja Sama Daerah', 'administration', false],
];

/** [kota id, name, kecamatan] — the five administrative cities and the Thousand Islands regency. */
// prettier-ignore
const KOTA: readonly (readonly [string, string, readonly string[]])[] = [
  ['jakpus', 'Kota Administrasi Jakarta Pusat', ['Gambir', 'Sawah Besar', 'Kemayoran', 'Senen', 'Cempaka Putih', 'Menteng', 'Tanah Abang', 'Johar Baru']],
  ['jakut', 'Kota Administrasi Jakarta Utara', ['Penjaringan', 'Tanjung Priok', 'Koja', 'Cilincing', 'Pademangan', 'Kelapa Gading']],
  ['jakbar', 'Kota Administrasi Jakarta Barat', ['Cengkareng', 'Grogol Petamburan', 'Taman Sari', 'Tambora', 'Kebon Jeruk', 'Kalideres', 'Pal Merah', 'Kembangan']],
  ['jaksel', 'Kota Administrasi Jakarta Selatan', ['Tebet', 'Setiabudi', 'Mampang Prapatan', 'Pasar Minggu', 'Kebayoran Lama', 'Cilandak', 'Kebayoran Baru', 'Pancoran', 'Jagakarsa', 'Pesanggrahan']],
  ['jaktim', 'Kota Administrasi Jakarta Timur', ['Matraman', 'Pulogadung', 'Jatinegara', 'Kramat Jati', 'Pasar Rebo', 'Cakung', 'Duren Sawit', 'Makasar', 'Ciracas', 'Cipayung']],
  ['kepsrb', 'Kabupaten Administrasi Kepulauan Seribu', ['Kepulauan Seribu Utara', 'Kepulauan Seribu Selatan']],
];

/** Office head counts in OPDS are scaled by this to land the province at ~60,000. */
const OPD_SCALE = 0.85;

/** Teachers per education region (suku dinas): DKI's ~30,000 school staff, the biggest units. */
const TEACHERS_PER_SUDIN: Readonly<Record<string, number>> = {
  jakpus: 3200,
  jakut: 3600,
  jakbar: 4600,
  jaksel: 4600,
  jaktim: 5600,
  kepsrb: 400,
};

// prettier-ignore
const RSUD: readonly string[] = [
  'RSUD Tarakan', 'RSUD Budhi Asih', 'RSUD Pasar Minggu', 'RSUD Koja', 'RSUD Cengkareng', 'RSUD Duren Sawit',
  'RSUD Kebayoran Baru', 'RSUD Tanah Abang', 'RSUD Cipayung', 'RSUD Kramat Jati',
];

function units(): UnitSpec[] {
  const out: UnitSpec[] = [];
  out.push({
    id: 'setda',
    name: 'Sekretariat Daerah Provinsi DKI Jakarta',
    sector: 'leadership-support',
    head: { type: 'jpt', name: 'Sekretaris Daerah' },
    managers: [
      { type: 'jpt', name: 'Asisten Pemerintahan' },
      { type: 'jpt', name: 'Asisten Perekonomian dan Keuangan' },
      { type: 'jpt', name: 'Asisten Kesejahteraan Rakyat' },
    ],
    staff: officeStaff(120, 0.1),
    fixture: true,
  });
  for (const [id, name, sector, fixture] of SETDA_BUREAUS) {
    out.push({
      id: `setda.${id}`,
      name,
      sector,
      parentId: 'setda',
      head: { type: 'administrator', name: `Kepala ${name}` },
      staff: officeStaff(110, 0.1),
      fixture,
    });
  }
  for (const [id, name, sector, listed, bidang, tags, fixture] of OPDS) {
    const staff = Math.round(listed * OPD_SCALE);
    const field =
      sector === 'fire'
        ? mix(staff * 0.8, [['pelaksana', 'Petugas Pemadam Kebakaran', 1, { femaleShare: 0.05 }]])
        : sector === 'security-public-order'
          ? mix(staff * 0.8, [['pelaksana', 'Anggota Satpol PP', 1, { femaleShare: 0.15 }]])
          : sector === 'transport'
            ? mix(staff * 0.7, [['pelaksana', 'Petugas Pengatur Lalu Lintas', 1, { femaleShare: 0.1 }]])
            : [];
    const fieldCount = field.reduce((a, l) => a + l.count, 0);
    out.push({
      id,
      name,
      sector,
      tags,
      head: { type: 'jpt', name: `Kepala ${name.split(' ')[0] ?? ''}` },
      managers: divisions(bidang),
      teamLead: { type: 'pengawas', name: 'Kepala Seksi', teamSize: fieldCount > 0 ? 25 : 12 },
      staff: [...officeStaff(staff - fieldCount, 0.15), ...field],
      fixture,
    });
  }
  out.push({
    id: 'disdik',
    name: 'Dinas Pendidikan',
    sector: 'education',
    head: { type: 'jpt', name: 'Kepala Dinas Pendidikan' },
    managers: divisions(4),
    staff: officeStaff(300, 0.1),
    fixture: true,
  });
  out.push({
    id: 'dinkes',
    name: 'Dinas Kesehatan',
    sector: 'health',
    head: { type: 'jpt', name: 'Kepala Dinas Kesehatan' },
    managers: divisions(4),
    staff: officeStaff(350, 0.1),
    fixture: true,
  });
  for (const [id, name] of KOTA) {
    const short = name.replace(/^(Kota|Kabupaten) Administrasi /, '');
    out.push({
      id: `disdik.sudin-${id}`,
      name: `Suku Dinas Pendidikan ${short}`,
      sector: 'education',
      tags: ['school'],
      parentId: 'disdik',
      head: { type: 'administrator', name: 'Kepala Suku Dinas Pendidikan' },
      managers: [
        { type: 'pengawas', name: 'Kepala Seksi Sekolah Dasar' },
        { type: 'pengawas', name: 'Kepala Seksi SMP/SMA' },
      ],
      teamLead: { type: 'fungsional', name: 'Guru Ahli Madya (Kepala Sekolah)', teamSize: 30 },
      staff: teachers(TEACHERS_PER_SUDIN[id] ?? 0, 0.2, id === 'jaktim' ? 'SD' : 'SMP'),
      fixture: id === 'jakpus',
    });
    out.push({
      id: `dinkes.sudin-${id}`,
      name: `Suku Dinas Kesehatan ${short} (Puskesmas)`,
      sector: 'health',
      tags: ['puskesmas', 'public-service-desk'],
      parentId: 'dinkes',
      head: { type: 'administrator', name: 'Kepala Suku Dinas Kesehatan' },
      teamLead: { type: 'fungsional', name: 'Dokter Ahli Madya (Kepala Puskesmas)', teamSize: 31 },
      staff: mix(id === 'kepsrb' ? 120 : 1000, PUSKESMAS_LINES),
      fixture: id === 'jakpus',
    });
  }
  RSUD.forEach((name, k) => {
    out.push({
      id: `dinkes.${slug(name)}`,
      name,
      sector: 'health',
      tags: ['hospital'],
      parentId: 'dinkes',
      head: { type: 'administrator', name: 'Direktur' },
      teamLead: { type: 'pengawas', name: 'Kepala Seksi Pelayanan', teamSize: 25 },
      staff: mix(k < 2 ? 650 : 280, HOSPITAL_LINES),
      fixture: k === 0,
    });
  });
  KOTA.forEach(([id, name, kecamatan], kk) => {
    out.push({
      id: `kota-${id}`,
      name,
      sector: 'leadership-support',
      head: { type: 'jpt', name: id === 'kepsrb' ? 'Bupati Administrasi' : 'Wali Kota Administrasi' },
      managers: [{ type: 'jpt', name: 'Sekretaris Kota' }, ...divisions(3, 'Kepala Bagian Umum')],
      staff: officeStaff(260, 0.15),
      fixture: kk === 0,
    });
    kecamatan.forEach((kec, n) => {
      out.push({
        id: `kota-${id}.kec-${slug(kec)}`,
        name: `Kecamatan ${kec}`,
        sector: 'subdistrict-village',
        tags: ['kecamatan', 'public-service-desk'],
        parentId: `kota-${id}`,
        head: { type: 'administrator', name: 'Camat' },
        managers: [{ type: 'administrator', name: 'Sekretaris Kecamatan' }],
        teamLead: { type: 'pengawas', name: 'Kepala Seksi / Lurah', teamSize: 10 },
        staff: officeStaff(70, 0.2),
        fixture: kk === 0 && n < 2,
      });
    });
  });
  return out;
}

/** DKI Jakarta province: ~120 units, ~60,000 staff; the largest unit (an education region) > 2,000. */
export const DKI: JurisdictionProfile = {
  id: 'dki',
  name: 'Pemerintah Provinsi DKI Jakarta',
  timeZone: 'Asia/Jakarta',
  referenceDate: '2023-08-21',
  data: {},
  emailDomain: 'jakarta.go.id',
  pppkShare: 0.05,
  fixtureFactor: 0.008,
  units: units(),
};
