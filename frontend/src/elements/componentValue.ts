/** A value a custom component sets, as the wire's ComponentValue: JSON, bytes or an Arrow table
 * (base64 for the binary forms). Anything else is refused (null), and the caller logs it. */
import type { ComponentValue } from "../protocol.gen";

/** The largest value sent (the server refuses larger ones anyway: protocol.py). */
export const MAX_COMPONENT_VALUE_BYTES = 512 * 1024;

function base64(bytes: Uint8Array): string {
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

function asBytes(value: unknown): Uint8Array | null {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  return null;
}

/** `value` with streamlit-component-lib's `dataType` ("json", "bytes" or "dataframe") as a
 * ComponentValue; null when it cannot be sent. */
export function toComponentValue(value: unknown, dataType: unknown): ComponentValue | null {
  if (dataType === "bytes") {
    const bytes = asBytes(value);
    return bytes && bytes.length <= MAX_COMPONENT_VALUE_BYTES ? { bytes: base64(bytes) } : null;
  }
  if (dataType === "dataframe") {
    // An ArrowTable's serialize(): Arrow streams of the values, the index and the column labels.
    const parts = value && typeof value === "object" ? (value as Record<string, unknown>) : {};
    const [data, index, columns] = [parts.data, parts.index, parts.columns].map(asBytes);
    if (!data) return null;
    if (!index || !columns) return data.length <= MAX_COMPONENT_VALUE_BYTES ? { arrow: base64(data) } : null;
    const arrow = { data: base64(data), index: base64(index), columns: base64(columns) };
    const size = arrow.data.length + arrow.index.length + arrow.columns.length;
    return size <= MAX_COMPONENT_VALUE_BYTES ? { arrow } : null;
  }
  if (dataType !== undefined && dataType !== "json") return null;
  let text: string | undefined;
  try {
    text = JSON.stringify(value === undefined ? null : value);
  } catch {
    return null; // cycles, BigInt
  }
  if (text === undefined || text.length > MAX_COMPONENT_VALUE_BYTES) return null;
  return { json: JSON.parse(text) as unknown };
}
