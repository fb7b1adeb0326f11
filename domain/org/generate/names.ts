/** Indonesian personal names for generated staff (Javanese, Sundanese, Malay, Banjar, Batak, Bugis mixes). */

/** Given names mostly used for men. */
// prettier-ignore
export const MALE_NAMES: readonly string[] = [
  'Agus', 'Ahmad', 'Andi', 'Arif', 'Bambang', 'Budi', 'Dedi', 'Dimas', 'Eko', 'Fajar', 'Hadi', 'Hendra',
  'Imam', 'Joko', 'Kurniawan', 'Muhammad', 'Nanang', 'Rudi', 'Slamet', 'Sugeng', 'Teguh', 'Wahyu', 'Yusuf',
  'Asep', 'Ujang', 'Dadang', 'Cecep', 'Iwan', 'Rizky', 'Bayu', 'Galih', 'Heru', 'Irfan', 'Lukman', 'Taufik',
  'Syahrul', 'Rahmat', 'Hasan', 'Gusti', 'Made', 'Putu', 'Togar', 'Rusli', 'Zainal', 'Yanto', 'Sutrisno',
];

/** Given names mostly used for women. */
// prettier-ignore
export const FEMALE_NAMES: readonly string[] = [
  'Ani', 'Dewi', 'Endang', 'Fitri', 'Indah', 'Kartika', 'Lestari', 'Maya', 'Nur', 'Putri', 'Rina', 'Sari',
  'Siti', 'Sri', 'Tri', 'Wulan', 'Yuni', 'Ayu', 'Dian', 'Eka', 'Ratna', 'Rini', 'Neneng', 'Euis', 'Nining',
  'Lilis', 'Ika', 'Novi', 'Retno', 'Susanti', 'Hartini', 'Nurul', 'Anisa', 'Mega', 'Tuti', 'Wati', 'Yanti',
  'Rahmawati', 'Nurhayati', 'Handayani', 'Kadek', 'Ketut', 'Fatimah', 'Aisyah',
];

/** Second names / family names. */
// prettier-ignore
export const SURNAMES: readonly string[] = [
  'Santoso', 'Wibowo', 'Susanto', 'Hidayat', 'Setiawan', 'Pratama', 'Saputra', 'Nugroho', 'Kusuma', 'Wijaya',
  'Purnomo', 'Rahayu', 'Suryani', 'Permana', 'Gunawan', 'Hermawan', 'Firmansyah', 'Ramadhan', 'Hakim',
  'Prasetyo', 'Utomo', 'Sulistyo', 'Wahyuni', 'Kurnia', 'Sukmawati', 'Maulana', 'Siregar', 'Nasution',
  'Harahap', 'Simanjuntak', 'Lubis', 'Syahputra', 'Rasyid', 'Mappanyukki', 'Daeng', 'Anwar', 'Iskandar',
  'Suparman', 'Sumarno', 'Haryanto', 'Mulyadi', 'Sudrajat', 'Hamdani', 'Nurdin', 'Fauzi', 'Noor', 'Arsyad',
];

/** Academic degrees written after the name (comma-separated in Indonesian usage). */
export const DEGREES: readonly string[] = [
  'S.E.',
  'S.H.',
  'S.Sos.',
  'S.T.',
  'S.Kom.',
  'S.AP.',
  'S.IP.',
  'S.Psi.',
];

/** Master's degrees that often follow the first degree for leaders. */
export const MASTER_DEGREES: readonly string[] = ['M.M.', 'M.Si.', 'M.AP.', 'M.H.', 'M.T.', 'M.Pd.'];
