import { type JurisdictionProfile, type StaffLine, type UnitSpec } from '../profile';
import { divisions, HOSPITAL_LINES, mix, officeStaff, roman, split, teachers } from '../kit';
import { type SectorId } from '../../../policy/sectors';

/** Policy analysts (Analis Kebijakan) in the province, the letter's example of WFA-eligible staff. */
export const JABAR_POLICY_ANALYSTS = 3380;

/** [id, name, sector, relative size, bidang, tags, fixture] of the OPDs and Setda bureaus. */
type OpdRow = readonly [string, string, SectorId, number, number, readonly string[], boolean];

// prettier-ignore
const OPDS: readonly OpdRow[] = [
  ['setwan', 'Sekretariat DPRD', 'leadership-support', 5, 3, [], false],
  ['inspektorat', 'Inspektorat Daerah', 'administration', 5, 4, [], false],
  ['bappeda', 'Badan Perencanaan Pembangunan Daerah', 'administration', 5, 4, [], true],
  ['bapenda', 'Badan Pendapatan Daerah', 'public-service', 22, 4, ['public-service-desk'], true],
  ['bpkad', 'Badan Pengelolaan Keuangan dan Aset Daerah', 'administration', 6, 4, [], false],
  ['bkd', 'Badan Kepegawaian Daerah', 'administration', 5, 3, ['hr-office'], false],
  ['bpsdm', 'Badan Pengembangan Sumber Daya Manusia', 'administration', 4, 3, [], false],
  ['bpbd', 'Badan Penanggulangan Bencana Daerah', 'disaster', 4, 3, ['disaster-response'], true],
  ['kesbangpol', 'Badan Kesatuan Bangsa dan Politik', 'security-public-order', 3, 3, [], false],
  ['satpolpp', 'Satuan Polisi Pamong Praja', 'security-public-order', 6, 3, [], false],
  ['dinsos', 'Dinas Sosial', 'public-service', 5, 4, [], false],
  ['disnakertrans', 'Dinas Tenaga Kerja dan Transmigrasi', 'public-service', 5, 4, [], false],
  ['dp3akb', 'Dinas Pemberdayaan Perempuan, Perlindungan Anak dan Keluarga Berencana', 'public-service', 3, 3, [], false],
  ['dkpp', 'Dinas Ketahanan Pangan dan Peternakan', 'logistics', 5, 4, [], false],
  ['dlh', 'Dinas Lingkungan Hidup', 'sanitation', 4, 4, ['waste', 'waste-water'], false],
  ['disdukcapil', 'Dinas Kependudukan dan Pencatatan Sipil', 'civil-registry', 2, 3, ['public-service-desk'], false],
  ['dpmdesa', 'Dinas Pemberdayaan Masyarakat dan Desa', 'public-service', 3, 3, [], false],
  ['dishub', 'Dinas Perhubungan', 'transport', 6, 4, [], true],
  ['diskominfo', 'Dinas Komunikasi dan Informatika', 'administration', 3, 4, [], true],
  ['diskuk', 'Dinas Koperasi dan Usaha Kecil', 'other', 3, 3, [], false],
  ['dpmptsp', 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', 'public-service', 3, 3, ['public-service-desk'], false],
  ['dispora', 'Dinas Pemuda dan Olahraga', 'other', 3, 3, [], false],
  ['disparbud', 'Dinas Pariwisata dan Kebudayaan', 'other', 4, 4, [], false],
  ['dispusipda', 'Dinas Perpustakaan dan Kearsipan Daerah', 'administration', 3, 3, [], false],
  ['dkp', 'Dinas Kelautan dan Perikanan', 'other', 4, 4, [], false],
  ['distph', 'Dinas Tanaman Pangan dan Hortikultura', 'logistics', 6, 4, [], false],
  ['disbun', 'Dinas Perkebunan', 'other', 3, 3, [], false],
  ['dishut', 'Dinas Kehutanan', 'other', 6, 4, [], false],
  ['esdm', 'Dinas Energi dan Sumber Daya Mineral', 'energy', 4, 4, [], false],
  ['disperindag', 'Dinas Perindustrian dan Perdagangan', 'distribution', 4, 4, [], false],
  ['dbmpr', 'Dinas Bina Marga dan Penataan Ruang', 'construction', 8, 4, [], false],
  ['dsda', 'Dinas Sumber Daya Air', 'basic-utilities', 7, 4, [], false],
  ['disperkim', 'Dinas Perumahan dan Permukiman', 'basic-utilities', 4, 4, [], false],
  ['bp-bumd', 'Biro Badan Usaha Milik Daerah dan Investasi', 'administration', 1, 2, [], false],
  ['badan-penghubung', 'Badan Penghubung', 'leadership-support', 1, 2, [], false],
];

// prettier-ignore
const BUREAUS: readonly OpdRow[] = [
  ['biro-pemerintahan', 'Biro Pemerintahan dan Kerja Sama', 'administration', 2, 0, [], false],
  ['biro-hukum', 'Biro Hukum dan Hak Asasi Manusia', 'administration', 2, 0, [], false],
  ['biro-perekonomian', 'Biro Perekonomian', 'administration', 2, 0, [], false],
  ['biro-adpim', 'Biro Administrasi Pimpinan', 'leadership-support', 3, 0, [], true],
  ['biro-umum', 'Biro Umum', 'leadership-support', 3, 0, [], false],
  ['biro-organisasi', 'Biro Organisasi', 'administration', 2, 0, [], false],
  ['biro-kesra', 'Biro Kesejahteraan Rakyat', 'administration', 2, 0, [], false],
  ['biro-pbj', 'Biro Pengadaan Barang dan Jasa', 'administration', 2, 0, [], false],
];

/** Office staff (pelaksana, other functional, support) across all OPDs, before policy analysts. */
const OFFICE_TOTAL = 8500;
/** Teachers of the province's SMA/SMK/SLB, in 13 education branch offices (Kantor Cabang Dinas). */
const TEACHERS_TOTAL = 20600;
const KCD_COUNT = 13;
const HOSPITALS: readonly (readonly [string, string, number])[] = [
  ['rsud-al-ihsan', 'RSUD Al Ihsan', 900],
  ['rs-paru', 'RS Paru Dr. H.A. Rotinsulu', 400],
  ['rsj-cisarua', 'Rumah Sakit Jiwa Provinsi Jawa Barat', 450],
  ['rsud-jampangkulon', 'RSUD Jampangkulon', 330],
  ['rsud-pameungpeuk', 'RSUD Pameungpeuk', 320],
];

function analysts(count: number): StaffLine[] {
  const [pertama, muda, madya] = split(count, [4, 4, 2]);
  return [
    { type: 'fungsional' as const, name: 'Analis Kebijakan Ahli Pertama', count: pertama ?? 0 },
    { type: 'fungsional' as const, name: 'Analis Kebijakan Ahli Muda', count: muda ?? 0 },
    { type: 'fungsional' as const, name: 'Analis Kebijakan Ahli Madya', count: madya ?? 0 },
  ].filter((l) => l.count > 0);
}

function units(): UnitSpec[] {
  const offices = [...BUREAUS, ...OPDS];
  const sizes = split(
    OFFICE_TOTAL,
    offices.map((o) => o[3]),
  );
  const akCounts = split(
    JABAR_POLICY_ANALYSTS,
    offices.map((o) => o[3]),
  );
  const out: UnitSpec[] = [
    {
      id: 'setda',
      name: 'Sekretariat Daerah Provinsi Jawa Barat',
      sector: 'leadership-support',
      head: { type: 'jpt', name: 'Sekretaris Daerah' },
      managers: [
        { type: 'jpt', name: 'Asisten Pemerintahan dan Kesejahteraan Rakyat' },
        { type: 'jpt', name: 'Asisten Perekonomian dan Pembangunan' },
        { type: 'jpt', name: 'Asisten Administrasi' },
      ],
      staff: officeStaff(60),
      fixture: true,
    },
  ];
  offices.forEach(([id, name, sector, , bidang, tags, fixture], k) => {
    const bureau = k < BUREAUS.length;
    out.push({
      id: bureau ? `setda.${id}` : id,
      name,
      sector,
      tags,
      ...(bureau ? { parentId: 'setda' } : {}),
      head: bureau
        ? { type: 'administrator', name: `Kepala ${name}` }
        : { type: 'jpt', name: `Kepala ${name}` },
      managers: bureau ? [] : divisions(bidang),
      staff: [...officeStaff(sizes[k] ?? 0), ...analysts(akCounts[k] ?? 0)],
      fixture,
    });
  });
  out.push({
    id: 'disdik',
    name: 'Dinas Pendidikan',
    sector: 'education',
    head: { type: 'jpt', name: 'Kepala Dinas Pendidikan' },
    managers: divisions(5),
    staff: officeStaff(220),
    fixture: true,
  });
  const perKcd = split(
    TEACHERS_TOTAL,
    Array.from({ length: KCD_COUNT }, (_, k) => 10 + ((k * 7) % 5)),
  );
  for (let k = 1; k <= KCD_COUNT; k++) {
    out.push({
      id: `disdik.kcd-${k}`,
      name: `Kantor Cabang Dinas Pendidikan Wilayah ${roman(k)}`,
      sector: 'education',
      tags: ['school'],
      parentId: 'disdik',
      head: { type: 'administrator', name: 'Kepala Cabang Dinas Pendidikan' },
      managers: [{ type: 'pengawas', name: 'Kepala Seksi Pelayanan Pendidikan' }],
      teamLead: { type: 'fungsional', name: 'Guru Ahli Madya (Kepala Sekolah)', teamSize: 30 },
      staff: teachers(perKcd[k - 1] ?? 0, 0.25, k % 2 === 0 ? 'SMK' : 'SMA', 'PNS'),
      fixture: k === 1,
    });
  }
  out.push({
    id: 'dinkes',
    name: 'Dinas Kesehatan',
    sector: 'health',
    head: { type: 'jpt', name: 'Kepala Dinas Kesehatan' },
    managers: divisions(4),
    staff: officeStaff(180),
    fixture: true,
  });
  HOSPITALS.forEach(([id, name, staff], k) => {
    out.push({
      id: `dinkes.${id}`,
      name,
      sector: 'health',
      tags: ['hospital'],
      parentId: 'dinkes',
      head: { type: 'administrator', name: 'Direktur' },
      managers: [{ type: 'administrator', name: 'Wakil Direktur Pelayanan' }],
      teamLead: { type: 'pengawas', name: 'Kepala Seksi Pelayanan', teamSize: 25 },
      staff: mix(staff, HOSPITAL_LINES),
      fixture: k === 0,
    });
  });
  return out;
}

/**
 * West Java province: ~37,000 ASN (the letter's figure; only hospital cleaning staff are non-ASN),
 * ~27,000 functional of whom 3,380 policy analysts.
 */
export const JABAR: JurisdictionProfile = {
  id: 'jabar',
  name: 'Pemerintah Daerah Provinsi Jawa Barat',
  timeZone: 'Asia/Jakarta',
  referenceDate: '2022-05-20',
  data: {},
  emailDomain: 'jabarprov.go.id',
  pppkShare: 0.04,
  fixtureFactor: 0.012,
  units: units(),
};
