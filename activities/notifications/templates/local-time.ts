/**
 * Local dates and times for messages, with Indonesia's zone abbreviations (WIB, WITA, WIT) derived from the
 * UTC offset, so any IANA zone of the country (e.g. Asia/Pontianak) gets the right one.
 */
import { DateTime } from 'luxon';
import { resolveZone } from '../../../domain/calendar';
import { type Language } from './content';

const ABBREVIATIONS: Readonly<Record<number, string>> = { 420: 'WIB', 480: 'WITA', 540: 'WIT' };

/** "WIB" / "WITA" / "WIT" for Indonesian zones, luxon's short offset name otherwise. */
export function zoneAbbreviation(zone: string, at: DateTime = DateTime.utc()): string {
  const local = at.setZone(resolveZone(zone));
  return ABBREVIATIONS[local.offset] ?? local.offsetNameShort ?? local.toFormat('ZZ');
}

/** "Senin, 4 Desember 2023" / "Monday, 4 December 2023" for an ISO day. */
export function formatDay(day: string, language: Language): string {
  return DateTime.fromISO(day, { zone: 'UTC' }).setLocale(language).toFormat('cccc, d LLLL yyyy');
}

/** "16.00 WIB" (id) / "16:00 WIB" (en) for an instant in `zone`. */
export function formatTime(instant: string, zone: string, language: Language): string {
  const local = DateTime.fromISO(instant).setZone(resolveZone(zone));
  return `${local.toFormat(language === 'id' ? 'HH.mm' : 'HH:mm')} ${zoneAbbreviation(zone, local)}`;
}

/** "Senin, 4 Desember 2023 pukul 16.00 WIB" / "Monday, 4 December 2023 at 16:00 WIB". */
export function formatDateTime(instant: string, zone: string, language: Language): string {
  const local = DateTime.fromISO(instant).setZone(resolveZone(zone));
  const date = formatDay(local.toISODate() ?? '', language);
  return `${date} ${language === 'id' ? 'pukul' : 'at'} ${formatTime(instant, zone, language)}`;
}
