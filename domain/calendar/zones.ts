import { IANAZone } from 'luxon';

/** Indonesia's three civil time-zone abbreviations and the IANA zone each stands for (none observe DST). */
export const ZONE_ALIASES = {
  WIB: 'Asia/Jakarta',
  WITA: 'Asia/Makassar',
  WIT: 'Asia/Jayapura',
} as const;

/** One of WIB, WITA, WIT. */
export type ZoneAlias = keyof typeof ZONE_ALIASES;

/** True when `name` is an alias (WIB/WITA/WIT, any case) or a valid IANA zone name. */
export function isKnownZone(name: string): boolean {
  return aliasTarget(name) !== undefined || IANAZone.isValidZone(name);
}

/**
 * The IANA zone for a policy's `timezone` field: `resolveZone('WITA') === 'Asia/Makassar'`.
 * @throws RangeError when the name is neither an alias nor a valid IANA zone.
 */
export function resolveZone(name: string): string {
  const alias = aliasTarget(name);
  if (alias !== undefined) return alias;
  if (IANAZone.isValidZone(name)) return name;
  throw new RangeError(
    `unknown time zone "${name}" (use an IANA name such as Asia/Jakarta, or WIB, WITA, WIT)`,
  );
}

function aliasTarget(name: string): string | undefined {
  const key = name.trim().toUpperCase();
  return Object.prototype.hasOwnProperty.call(ZONE_ALIASES, key) ? ZONE_ALIASES[key as ZoneAlias] : undefined;
}

/**
 * The canonical spelling of a zone name as written in a file: an alias in capitals (`wita` → `WITA`), an IANA
 * name in its canonical IANA form (`asia/jakarta` → `Asia/Jakarta`). An unknown name comes back as written, for
 * the caller to refuse.
 */
export function canonicalZoneName(name: string): string {
  const trimmed = name.trim();
  if (aliasTarget(trimmed) !== undefined) return trimmed.toUpperCase();
  if (!IANAZone.isValidZone(trimmed)) return name;
  return new Intl.DateTimeFormat('en-US', { timeZone: trimmed }).resolvedOptions().timeZone ?? trimmed;
}
