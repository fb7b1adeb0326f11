/**
 * Browser functions for the letter's local time on every page: today's date in the letter's zone, an instant as
 * a local date and time with the zone's own label (WIB, WITA, WIT by UTC offset, as the message templates do),
 * and the zone aliases a letter may be written with. Plain ES5 text for the pages' inline script; kept apart so
 * the unit tests can run it.
 */
import { ZONE_ALIASES } from '../../domain/calendar/core';

/** The functions as script text: `ianaZone`, `zoneLabel`, `todayIn`, `localDateTime`. */
export const LOCAL_TIME_SCRIPT = `
var ZONE_ALIASES = ${JSON.stringify(ZONE_ALIASES)};
var ZONE_LABELS = { '420': 'WIB', '480': 'WITA', '540': 'WIT' };
function ianaZone(zone){ var a = ZONE_ALIASES[String(zone || '').trim().toUpperCase()]; return a || zone; }
function offsetMinutes(zone, date){ var part = new Intl.DateTimeFormat('en-US', { timeZone: ianaZone(zone), timeZoneName: 'longOffset' }).formatToParts(date).filter(function(p){ return p.type === 'timeZoneName'; })[0]; var m = /GMT([+-])(\\d\\d):?(\\d\\d)?/.exec(part ? part.value : ''); return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] || 0)) : 0; }
function zoneLabel(zone, date){ var o = offsetMinutes(zone, date || new Date()); if (ZONE_LABELS[String(o)]) return ZONE_LABELS[String(o)]; var h = Math.floor(Math.abs(o) / 60), mm = Math.abs(o) % 60; return 'UTC' + (o < 0 ? '-' : '+') + h + (mm ? ':' + (mm < 10 ? '0' : '') + mm : ''); }
function todayIn(zone, now){ return new Intl.DateTimeFormat('en-CA', { timeZone: ianaZone(zone), year: 'numeric', month: '2-digit', day: '2-digit' }).format(now || new Date()); }
function localDateTime(iso, zone, lang){ var d = new Date(iso); return d.toLocaleString(lang === 'en' ? 'en-GB' : 'id-ID', { timeZone: ianaZone(zone), day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }) + ' ' + zoneLabel(zone, d); }
`;
