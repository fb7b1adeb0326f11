import { type JurisdictionProfile, type UnitSpec } from '../profile';
import { divisions, officeStaff, split } from '../kit';
import { type SectorId } from '../../../policy/sectors';

/**
 * [id, name, sector, size class, pilot, main directorates-general [suffix, name, sector]] of central agencies.
 * Sectors follow the national letter: direct public service (WFO up to 100%) vs administration (WFH up to 50%).
 */
type AgencyRow = readonly [
  string,
  string,
  SectorId,
  number,
  boolean,
  readonly (readonly [string, string, SectorId])[],
];

// prettier-ignore
const AGENCIES: readonly AgencyRow[] = [
  ['kemenpanrb', 'Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi', 'administration', 0.6, true, [['deputi-sdm', 'Deputi Bidang SDM Aparatur', 'administration']]],
  ['kemendagri', 'Kementerian Dalam Negeri', 'public-service', 1.4, false, [['ditjen-dukcapil', 'Direktorat Jenderal Kependudukan dan Pencatatan Sipil', 'civil-registry'], ['ditjen-otda', 'Direktorat Jenderal Otonomi Daerah', 'administration']]],
  ['kemenkeu', 'Kementerian Keuangan', 'administration', 1.8, false, [['ditjen-pajak', 'Direktorat Jenderal Pajak', 'public-service'], ['ditjen-anggaran', 'Direktorat Jenderal Anggaran', 'administration']]],
  ['kemenkes', 'Kementerian Kesehatan', 'health', 1.5, false, [['ditjen-yankes', 'Direktorat Jenderal Pelayanan Kesehatan', 'health'], ['ditjen-p2p', 'Direktorat Jenderal Pencegahan dan Pengendalian Penyakit', 'health']]],
  ['kemenhub', 'Kementerian Perhubungan', 'transport', 1.4, false, [['ditjen-hubdat', 'Direktorat Jenderal Perhubungan Darat', 'transport'], ['ditjen-hubla', 'Direktorat Jenderal Perhubungan Laut', 'transport']]],
  ['kemenag', 'Kementerian Agama', 'public-service', 1.4, false, [['ditjen-phu', 'Direktorat Jenderal Penyelenggaraan Haji dan Umrah', 'public-service'], ['ditjen-pendis', 'Direktorat Jenderal Pendidikan Islam', 'education']]],
  ['kemendikbudristek', 'Kementerian Pendidikan, Kebudayaan, Riset, dan Teknologi', 'education', 1.6, false, [['ditjen-gtk', 'Direktorat Jenderal Guru dan Tenaga Kependidikan', 'education'], ['ditjen-dikti', 'Direktorat Jenderal Pendidikan Tinggi', 'education']]],
  ['kemensos', 'Kementerian Sosial', 'public-service', 1, false, [['ditjen-linjamsos', 'Direktorat Jenderal Perlindungan dan Jaminan Sosial', 'public-service']]],
  ['kemenkumham', 'Kementerian Hukum dan Hak Asasi Manusia', 'public-service', 1.4, false, [['ditjen-imigrasi', 'Direktorat Jenderal Imigrasi', 'public-service'], ['ditjen-ahu', 'Direktorat Jenderal Administrasi Hukum Umum', 'public-service']]],
  ['kemnaker', 'Kementerian Ketenagakerjaan', 'public-service', 0.8, false, [['ditjen-binapenta', 'Direktorat Jenderal Pembinaan Penempatan Tenaga Kerja', 'public-service']]],
  ['kemenperin', 'Kementerian Perindustrian', 'administration', 0.8, false, [['ditjen-ikma', 'Direktorat Jenderal Industri Kecil, Menengah dan Aneka', 'administration']]],
  ['kemendag', 'Kementerian Perdagangan', 'distribution', 0.8, false, [['ditjen-pdn', 'Direktorat Jenderal Perdagangan Dalam Negeri', 'distribution']]],
  ['kementan', 'Kementerian Pertanian', 'logistics', 1.2, false, [['ditjen-tp', 'Direktorat Jenderal Tanaman Pangan', 'logistics']]],
  ['kkp', 'Kementerian Kelautan dan Perikanan', 'other', 1, false, [['ditjen-perikanan-tangkap', 'Direktorat Jenderal Perikanan Tangkap', 'other']]],
  ['klhk', 'Kementerian Lingkungan Hidup dan Kehutanan', 'other', 1.1, false, [['ditjen-pslb3', 'Direktorat Jenderal Pengelolaan Sampah, Limbah dan B3', 'sanitation']]],
  ['kemenpupr', 'Kementerian Pekerjaan Umum dan Perumahan Rakyat', 'construction', 1.6, false, [['ditjen-bina-marga', 'Direktorat Jenderal Bina Marga', 'construction'], ['ditjen-sda', 'Direktorat Jenderal Sumber Daya Air', 'basic-utilities']]],
  ['kemenesdm', 'Kementerian Energi dan Sumber Daya Mineral', 'energy', 1, false, [['ditjen-ketenagalistrikan', 'Direktorat Jenderal Ketenagalistrikan', 'energy']]],
  ['kominfo', 'Kementerian Komunikasi dan Informatika', 'administration', 0.9, true, [['ditjen-aptika', 'Direktorat Jenderal Aplikasi Informatika', 'administration'], ['ditjen-ppi', 'Direktorat Jenderal Penyelenggaraan Pos dan Informatika', 'post']]],
  ['kemenlu', 'Kementerian Luar Negeri', 'administration', 1, false, [['ditjen-protkons', 'Direktorat Jenderal Protokol dan Konsuler', 'public-service']]],
  ['kemenbumn', 'Kementerian Badan Usaha Milik Negara', 'administration', 0.5, false, [['deputi-bumn', 'Deputi Bidang Hukum dan Peraturan Perundang-undangan', 'administration']]],
  ['kemenkopukm', 'Kementerian Koperasi dan Usaha Kecil dan Menengah', 'other', 0.6, false, [['deputi-ukm', 'Deputi Bidang Usaha Kecil dan Menengah', 'other']]],
  ['kemenpppa', 'Kementerian Pemberdayaan Perempuan dan Perlindungan Anak', 'public-service', 0.5, false, [['deputi-pa', 'Deputi Bidang Perlindungan Khusus Anak', 'public-service']]],
  ['kemenpora', 'Kementerian Pemuda dan Olahraga', 'other', 0.5, false, [['deputi-olahraga', 'Deputi Bidang Pembudayaan Olahraga', 'other']]],
  ['kemendesa', 'Kementerian Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi', 'public-service', 0.8, false, [['ditjen-pdp', 'Direktorat Jenderal Pembangunan Desa dan Perdesaan', 'public-service']]],
  ['kemenparekraf', 'Kementerian Pariwisata dan Ekonomi Kreatif', 'other', 0.6, false, [['deputi-industri', 'Deputi Bidang Industri dan Investasi', 'other']]],
  ['atrbpn', 'Kementerian Agraria dan Tata Ruang/Badan Pertanahan Nasional', 'public-service', 1.2, false, [['ditjen-phpt', 'Direktorat Jenderal Penetapan Hak dan Pendaftaran Tanah', 'public-service']]],
  ['bappenas', 'Kementerian PPN/Badan Perencanaan Pembangunan Nasional', 'administration', 0.8, true, [['deputi-pembangunan', 'Deputi Bidang Pembangunan Manusia', 'administration']]],
  ['setneg', 'Kementerian Sekretariat Negara', 'leadership-support', 1, false, [['setmil', 'Sekretariat Militer Presiden', 'leadership-support']]],
  ['kemenko-perekonomian', 'Kementerian Koordinator Bidang Perekonomian', 'administration', 0.5, false, [['deputi-makro', 'Deputi Bidang Koordinasi Ekonomi Makro dan Keuangan', 'administration']]],
  ['kemenko-polhukam', 'Kementerian Koordinator Bidang Politik, Hukum, dan Keamanan', 'administration', 0.5, false, [['deputi-kamtibmas', 'Deputi Bidang Koordinasi Keamanan dan Ketertiban Masyarakat', 'security-public-order']]],
  ['kemenko-pmk', 'Kementerian Koordinator Bidang Pembangunan Manusia dan Kebudayaan', 'administration', 0.5, false, [['deputi-kesehatan', 'Deputi Bidang Koordinasi Peningkatan Kualitas Kesehatan', 'administration']]],
  ['kemenko-marves', 'Kementerian Koordinator Bidang Kemaritiman dan Investasi', 'administration', 0.5, false, [['deputi-infrastruktur', 'Deputi Bidang Koordinasi Infrastruktur dan Transportasi', 'national-strategic-project']]],
  ['bkn', 'Badan Kepegawaian Negara', 'administration', 0.8, true, [['deputi-mutasi', 'Deputi Bidang Mutasi Kepegawaian', 'administration']]],
  ['lan', 'Lembaga Administrasi Negara', 'administration', 0.5, true, [['deputi-kebijakan', 'Deputi Bidang Kajian Kebijakan dan Inovasi Administrasi Negara', 'administration']]],
  ['bps', 'Badan Pusat Statistik', 'administration', 1, false, [['deputi-statistik-sosial', 'Deputi Bidang Statistik Sosial', 'administration']]],
  ['bpom', 'Badan Pengawas Obat dan Makanan', 'health', 0.9, false, [['deputi-obat', 'Deputi Bidang Pengawasan Obat', 'health']]],
  ['bmkg', 'Badan Meteorologi, Klimatologi, dan Geofisika', 'disaster', 0.9, false, [['deputi-geofisika', 'Deputi Bidang Geofisika', 'disaster']]],
  ['bnpb', 'Badan Nasional Penanggulangan Bencana', 'disaster', 0.6, false, [['deputi-penanganan-darurat', 'Deputi Bidang Penanganan Darurat', 'disaster']]],
  ['basarnas', 'Badan Nasional Pencarian dan Pertolongan', 'disaster', 0.6, false, [['deputi-operasi', 'Deputi Bidang Operasi Pencarian dan Pertolongan', 'disaster']]],
  ['bpkp', 'Badan Pengawasan Keuangan dan Pembangunan', 'administration', 0.9, false, [['deputi-akuntan-negara', 'Deputi Bidang Akuntan Negara', 'administration']]],
  ['anri', 'Arsip Nasional Republik Indonesia', 'administration', 0.4, false, [['deputi-konservasi', 'Deputi Bidang Konservasi Arsip', 'administration']]],
  ['perpusnas', 'Perpustakaan Nasional', 'other', 0.5, false, [['deputi-layanan', 'Deputi Bidang Pengembangan Bahan Pustaka dan Jasa Informasi', 'public-service']]],
];

/** Headquarters staff per unit of size class 1 (Sekretariat, Inspektorat, each main directorate). */
const BASE_STAFF = 300;

function units(): UnitSpec[] {
  const out: UnitSpec[] = [];
  AGENCIES.forEach(([id, name, sector, size, pilot, mains], k) => {
    const ministry = name.startsWith('Kementerian');
    const emailDomain = `${id}.go.id`;
    out.push({
      id,
      name,
      sector,
      // The national civil service agency is the HR office escalations addressed to `hr-office` reach.
      tags: [...(pilot ? ['pilot'] : []), ...(id === 'bkn' ? ['hr-office'] : [])],
      emailDomain,
      head: { type: 'jpt', name: ministry ? 'Sekretaris Jenderal' : 'Sekretaris Utama' },
      managers: divisions(3, 'Kepala Biro Perencanaan'),
      staff: officeStaff(Math.round(BASE_STAFF * size), 0.1),
      fixture: pilot || k < 4,
    });
    const subs: (readonly [string, string, SectorId])[] = [
      ['itjen', ministry ? 'Inspektorat Jenderal' : 'Inspektorat Utama', 'administration'],
      ...mains,
    ];
    const sizes = split(
      BASE_STAFF * size * subs.length,
      subs.map((s) => (s[0].endsWith('itjen') ? 0.4 : 1)),
    );
    subs.forEach(([suffix, subName, subSector], j) => {
      out.push({
        id: `${id}.${suffix}`,
        name: subName,
        sector: subSector,
        tags: pilot ? ['pilot'] : [],
        parentId: id,
        emailDomain,
        head: {
          type: 'jpt',
          name: subName.startsWith('Deputi') ? 'Deputi' : `Kepala ${subName.split(' ')[0] ?? ''}`,
        },
        managers: divisions(3, 'Sekretaris'),
        staff: officeStaff(sizes[j] ?? 0, 0.08),
        fixture: (pilot || k < 4) && j === subs.length - 1,
      });
    });
  });
  return out;
}

/** Central government agencies (headquarters staff), the scope of MenPANRB's April 2024 hybrid policy. */
export const NASIONAL: JurisdictionProfile = {
  id: 'nasional',
  name: 'Instansi Pemerintah Pusat',
  timeZone: 'Asia/Jakarta',
  referenceDate: '2024-04-16',
  data: {},
  emailDomain: 'go.id',
  pppkShare: 0.06,
  fixtureFactor: 0.012,
  units: units(),
};
