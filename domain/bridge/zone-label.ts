import { formatInstant, type Instant, resolveZone } from '../calendar/core';

/** The IANA zones of Indonesia and the civil-time label each is read in. */
const INDONESIAN_ZONE_LABELS: Readonly<Record<string, string>> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/**
 * The label a civil servant reads a time in: WIB, WITA or WIT for an Indonesian zone (written as an alias or an
 * IANA name); elsewhere the UTC offset at `at`, e.g. `UTC+09:30`.
 */
export function zoneLabel(zone: string, at: Instant = 0): string {
  const iana = resolveZone(zone);
  const label = INDONESIAN_ZONE_LABELS[iana];
  if (label !== undefined) return label;
  const offset = /([+-]\d\d:\d\d|Z)$/.exec(formatInstant(at, iana))?.[1] ?? 'Z';
  return offset === 'Z' ? 'UTC' : `UTC${offset}`;
}
