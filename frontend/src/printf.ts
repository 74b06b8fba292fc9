/**
 * printf-style number formatting, for the `format` argument of number inputs and sliders
 * ("%d", "%.2f", "%0.1f%%", "%e", "%,d", ...). One value fills every conversion.
 */

const CONVERSION = /%([-+ 0#,]*)(\d+)?(?:\.(\d*))?([diufFeEgGsxXob%])/g;

export function printf(format: string, value: number): string {
  return format.replace(
    CONVERSION,
    (_match, flags: string, width: string | undefined, precision: string | undefined, conv: string) => {
      if (conv === "%") return "%";
      const prec = precision === undefined ? undefined : Number(precision || "0");
      const [negative, digits] = convert(conv, value, prec, flags.includes("#"));
      const grouped = flags.includes(",") ? group(digits) : digits;
      const sign = negative ? "-" : flags.includes("+") ? "+" : flags.includes(" ") ? " " : "";
      return pad(sign, grouped, Number(width ?? 0), flags, conv !== "s");
    },
  );
}

function convert(conv: string, value: number, prec: number | undefined, alt: boolean): [boolean, string] {
  if (conv === "s") {
    const text = String(value);
    return [false, prec === undefined ? text : text.slice(0, prec)];
  }
  if (Number.isNaN(value)) return [false, "nan"];
  const negative = value < 0;
  const abs = Math.abs(value);
  if (!Number.isFinite(abs)) return [negative, "inf"];
  switch (conv) {
    case "d":
    case "i":
    case "u":
      return [Math.trunc(value) < 0, String(Math.trunc(abs))];
    case "f":
    case "F":
      return [negative && Number(abs.toFixed(prec ?? 6)) !== 0, abs.toFixed(prec ?? 6)];
    case "e":
    case "E": {
      const text = exponential(abs, prec ?? 6);
      return [negative, conv === "E" ? text.toUpperCase() : text];
    }
    case "g":
    case "G": {
      const text = general(abs, prec ?? 6, alt);
      return [negative, conv === "G" ? text.toUpperCase() : text];
    }
    case "x":
      return [Math.trunc(value) < 0, Math.trunc(abs).toString(16)];
    case "X":
      return [Math.trunc(value) < 0, Math.trunc(abs).toString(16).toUpperCase()];
    case "o":
      return [Math.trunc(value) < 0, Math.trunc(abs).toString(8)];
    default:
      return [Math.trunc(value) < 0, Math.trunc(abs).toString(2)];
  }
}

/** C writes at least two exponent digits: 1.5e+00, not JavaScript's 1.5e+0. */
function exponential(abs: number, prec: number): string {
  return abs.toExponential(Math.min(prec, 100)).replace(/e([+-])(\d)$/, "e$10$2");
}

function general(abs: number, prec: number, alt: boolean): string {
  const p = prec === 0 ? 1 : prec;
  if (abs === 0) return alt ? (0).toFixed(p - 1) : "0";
  const exp = Number(abs.toExponential(p - 1).split("e")[1]);
  const text = exp < -4 || exp >= p ? exponential(abs, p - 1) : abs.toFixed(Math.max(0, p - 1 - exp));
  if (alt) return text;
  const [mantissa = "", exponent] = text.split("e");
  const trimmed = mantissa.includes(".") ? mantissa.replace(/\.?0+$/, "") : mantissa;
  return exponent === undefined ? trimmed : `${trimmed}e${exponent}`;
}

function group(digits: string): string {
  const match = /^(\d+)(.*)$/.exec(digits);
  if (!match) return digits;
  const [, whole = "", rest = ""] = match;
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + rest;
}

function pad(sign: string, digits: string, width: number, flags: string, numeric: boolean): string {
  const missing = width - sign.length - digits.length;
  if (missing <= 0) return sign + digits;
  if (flags.includes("-")) return sign + digits + " ".repeat(missing);
  if (numeric && flags.includes("0") && /^[\d,]/.test(digits)) return sign + "0".repeat(missing) + digits;
  return " ".repeat(missing) + sign + digits;
}

/** How many decimals `x` is written with (0.25 -> 2, 1e-7 -> 7). */
export function decimals(x: number): number {
  if (!Number.isFinite(x) || Number.isInteger(x)) return 0;
  const [mantissa = "", exp = "0"] = x.toExponential().split("e");
  const fraction = mantissa.split(".")[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exp));
}

/** A number as a number input or slider shows it: with `format` when given, else as an
 * integer, or with as many decimals as the step has. */
export function formatNumber(value: number, format: string | null, isInt: boolean, step: number): string {
  if (format) return printf(format, value);
  if (isInt) return String(Math.round(value));
  return value.toFixed(Math.min(20, Math.max(1, decimals(step))));
}
