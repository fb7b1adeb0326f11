import { type JurisdictionProfile, type UnitSpec } from '../profile';
import { divisions, HOSPITAL_LINES, mix, officeStaff, slug, teachers } from '../kit';
import { type SectorId } from '../../../policy/sectors';

/** [id, name, sector, staff, bidang, tags, fixture] of Kutai Kartanegara's OPDs. */
type OpdRow = readonly [string, string, SectorId, number, number, readonly string[], boolean];

// prettier-ignore
const OPDS: readonly OpdRow[] = [
  ['setda', 'Sekretariat Daerah', 'leadership-support', 320, 3, [], true],
  ['setwan', 'Sekretariat DPRD', 'administration', 150, 3, [], false],
  ['inspektorat', 'Inspektorat Daerah', 'administration', 90, 4, [], false],
  ['bappeda', 'Badan Perencanaan Pembangunan Daerah', 'administration', 90, 4, [], false],
  ['bpkad', 'Badan Pengelolaan Keuangan dan Aset Daerah', 'administration', 160, 4, [], false],
  ['bapenda', 'Badan Pendapatan Daerah', 'administration', 140, 4, ['public-service-desk'], false],
  ['bkpsdm', 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', 'administration', 90, 4, ['hr-office'], true],
  ['bpbd', 'Badan Penanggulangan Bencana Daerah', 'disaster', 110, 3, ['disaster-response'], true],
  ['kesbangpol', 'Badan Kesatuan Bangsa dan Politik', 'security-public-order', 60, 3, [], false],
  ['satpolpp', 'Satuan Polisi Pamong Praja', 'security-public-order', 420, 3, [], false],
  ['damkar', 'Dinas Pemadam Kebakaran dan Penyelamatan', 'fire', 260, 3, [], false],
  ['dinkes', 'Dinas Kesehatan', 'health', 260, 4, [], true],
  ['disdikbud', 'Dinas Pendidikan dan Kebudayaan', 'education', 200, 4, [], true],
  ['dpupr', 'Dinas Pekerjaan Umum dan Penataan Ruang', 'construction', 280, 4, [], false],
  ['perkim', 'Dinas Perumahan dan Kawasan Permukiman', 'basic-utilities', 120, 3, [], false],
  ['dlhk', 'Dinas Lingkungan Hidup dan Kehutanan', 'sanitation', 320, 3, ['waste', 'waste-water'], false],
  ['disdukcapil', 'Dinas Kependudukan dan Pencatatan Sipil', 'civil-registry', 110, 3, ['public-service-desk'], true],
  ['dpmd', 'Dinas Pemberdayaan Masyarakat dan Desa', 'public-service', 90, 3, [], false],
  ['dinsos', 'Dinas Sosial', 'public-service', 110, 3, [], false],
  ['dp3a', 'Dinas Pemberdayaan Perempuan dan Perlindungan Anak', 'public-service', 70, 3, [], false],
  ['dppkb', 'Dinas Pengendalian Penduduk dan Keluarga Berencana', 'public-service', 140, 3, [], false],
  ['dishub', 'Dinas Perhubungan', 'transport', 210, 3, [], false],
  ['diskominfo', 'Dinas Komunikasi dan Informatika', 'administration', 90, 3, [], true],
  ['diskop', 'Dinas Koperasi dan Usaha Kecil Menengah', 'other', 70, 3, [], false],
  ['dpmptsp', 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', 'public-service', 80, 3, ['public-service-desk'], false],
  ['disnakertrans', 'Dinas Tenaga Kerja dan Transmigrasi', 'public-service', 80, 3, [], false],
  ['distanak', 'Dinas Pertanian dan Peternakan', 'logistics', 240, 4, [], false],
  ['dkp', 'Dinas Kelautan dan Perikanan', 'other', 110, 3, [], false],
  ['disperindag', 'Dinas Perindustrian dan Perdagangan', 'distribution', 90, 3, [], false],
  ['dispar', 'Dinas Pariwisata', 'other', 90, 3, [], false],
  ['dispora', 'Dinas Pemuda dan Olahraga', 'other', 80, 3, [], false],
  ['dispursip', 'Dinas Perpustakaan dan Kearsipan', 'administration', 70, 3, [], false],
  ['ketapang', 'Dinas Ketahanan Pangan', 'logistics', 70, 3, [], false],
  ['perkebunan', 'Dinas Perkebunan', 'other', 90, 3, [], false],
];

// prettier-ignore
const KECAMATAN: readonly string[] = [
  'Tenggarong', 'Tenggarong Seberang', 'Anggana', 'Kembang Janggut', 'Kenohan', 'Kota Bangun', 'Kota Bangun Darat',
  'Loa Janan', 'Loa Kulu', 'Marang Kayu', 'Muara Badak', 'Muara Jawa', 'Muara Kaman', 'Muara Muntai', 'Muara Wis',
  'Samboja', 'Samboja Barat', 'Sanga-Sanga', 'Sebulu', 'Tabang',
];

/** Share of non-ASN (tenaga harian lepas) among office staff: Kukar employs many, and the letter covers them. */
const NON_ASN_SHARE = 0.35;

function units(): UnitSpec[] {
  const out: UnitSpec[] = [];
  for (const [id, name, sector, staff, bidang, tags, fixture] of OPDS) {
    out.push({
      id,
      name,
      sector,
      tags,
      head: {
        type: 'jpt',
        name: id === 'setda' ? 'Sekretaris Daerah' : `Kepala ${name.split(' ')[0] ?? ''}`,
      },
      managers: divisions(bidang),
      staff: officeStaff(staff, NON_ASN_SHARE),
      fixture,
    });
    if (id === 'dinkes') {
      for (const [rs, rsName, rsStaff] of [
        ['rsud-am-parikesit', 'RSUD Aji Muhammad Parikesit', 650],
        ['rsud-dayaku-raja', 'RSUD Dayaku Raja Kota Bangun', 220],
      ] as const) {
        out.push({
          id: `dinkes.${rs}`,
          name: rsName,
          sector: 'health',
          tags: ['hospital'],
          parentId: 'dinkes',
          head: { type: 'administrator', name: 'Direktur' },
          managers: [{ type: 'administrator', name: 'Kepala Bagian Tata Usaha' }],
          teamLead: { type: 'pengawas', name: 'Kepala Seksi Pelayanan', teamSize: 25 },
          staff: mix(rsStaff, HOSPITAL_LINES),
          fixture: rs === 'rsud-dayaku-raja',
        });
      }
    }
    if (id === 'disdikbud') {
      KECAMATAN.forEach((kec, k) => {
        out.push({
          id: `disdikbud.korwil-${slug(kec)}`,
          name: `Koordinator Wilayah Pendidikan Kecamatan ${kec}`,
          sector: 'education',
          tags: ['school'],
          parentId: 'disdikbud',
          head: { type: 'pengawas', name: 'Koordinator Wilayah Pendidikan' },
          teamLead: { type: 'fungsional', name: 'Guru Ahli Madya (Kepala Sekolah)', teamSize: 20 },
          staff: teachers(k < 2 ? 420 : 200, 0.1, 'SD'),
          fixture: k === 0,
        });
      });
    }
  }
  KECAMATAN.forEach((kec, k) => {
    out.push({
      id: `kec-${slug(kec)}`,
      name: `Kecamatan ${kec}`,
      sector: 'subdistrict-village',
      tags: ['kecamatan', 'public-service-desk'],
      head: { type: 'administrator', name: 'Camat' },
      managers: [{ type: 'administrator', name: 'Sekretaris Kecamatan' }],
      teamLead: { type: 'pengawas', name: 'Kepala Seksi', teamSize: 8 },
      staff: officeStaff(k < 2 ? 60 : 35, NON_ASN_SHARE),
      fixture: k === 0,
    });
  });
  return out;
}

/** Kutai Kartanegara regency (East Kalimantan): ~34 OPD and 20 kecamatan, ASN and many non-ASN staff. */
export const KUKAR: JurisdictionProfile = {
  id: 'kukar',
  name: 'Pemerintah Kabupaten Kutai Kartanegara',
  timeZone: 'Asia/Makassar',
  referenceDate: '2021-01-27',
  data: {},
  emailDomain: 'kukarkab.go.id',
  pppkShare: 0,
  fixtureFactor: 0.03,
  units: units(),
};
