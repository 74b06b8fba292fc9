/**
 * Dates and times written with a Moment.js-style format ("YYYY-MM-DD", "MMM D, YYYY", "HH:mm"),
 * as Streamlit's date and time sliders take them. The clock is read in UTC: the server sends a
 * value's own clock reading as if it were UTC. `[text]` is kept as it is.
 */
const MONTHS = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const TOKENS = /\[([^\]]*)\]|YYYY|YY|MMMM|MMM|MM|M|Do|DD|D|dddd|ddd|HH|H|hh|h|mm|m|ss|s|SSS|A|a/g;

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
}

export function formatMoment(date: Date, format: string): string {
  const hours = date.getUTCHours();
  const twelve = hours % 12 || 12;
  const parts: Record<string, string> = {
    YYYY: String(date.getUTCFullYear()),
    YY: pad(date.getUTCFullYear() % 100),
    MMMM: MONTHS[date.getUTCMonth()] ?? "",
    MMM: (MONTHS[date.getUTCMonth()] ?? "").slice(0, 3),
    MM: pad(date.getUTCMonth() + 1),
    M: String(date.getUTCMonth() + 1),
    Do: ordinal(date.getUTCDate()),
    DD: pad(date.getUTCDate()),
    D: String(date.getUTCDate()),
    dddd: DAYS[date.getUTCDay()] ?? "",
    ddd: (DAYS[date.getUTCDay()] ?? "").slice(0, 3),
    HH: pad(hours),
    H: String(hours),
    hh: pad(twelve),
    h: String(twelve),
    mm: pad(date.getUTCMinutes()),
    m: String(date.getUTCMinutes()),
    ss: pad(date.getUTCSeconds()),
    s: String(date.getUTCSeconds()),
    SSS: pad(date.getUTCMilliseconds(), 3),
    A: hours < 12 ? "AM" : "PM",
    a: hours < 12 ? "am" : "pm",
  };
  return format.replace(TOKENS, (token, literal: string | undefined) => literal ?? parts[token] ?? token);
}
