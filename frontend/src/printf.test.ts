import { describe, expect, it } from "vitest";
import { decimals, formatNumber, printf } from "./printf";

describe("printf", () => {
  it.each([
    ["%d", 42.9, "42"],
    ["%i", -3.2, "-3"],
    ["%.2f", 3.14159, "3.14"],
    ["%0.1f", 2.25, "2.3"],
    ["%f", 1.5, "1.500000"],
    ["%e", 12345.678, "1.234568e+04"],
    ["%.2E", 0.000123, "1.23E-04"],
    ["%g", 0.0001, "0.0001"],
    ["%g", 1234567, "1.23457e+06"],
    ["%g", 100, "100"],
    ["%5d", 42, "   42"],
    ["%-5d|", 42, "42   |"],
    ["%05.1f", -2.5, "-02.5"],
    ["%+d", 5, "+5"],
    ["%,d", 1234567, "1,234,567"],
    ["%,.2f", 1234.5, "1,234.50"],
    ["%x", 255, "ff"],
    ["$%.2f", 9.5, "$9.50"],
    ["%d%%", 50, "50%"],
    ["%.1f", -0.01, "0.0"],
    ["%s", 7, "7"],
    ["no conversion", 1, "no conversion"],
  ])("printf(%j, %d) = %j", (format, value, expected) => {
    expect(printf(format, value)).toBe(expected);
  });
});

describe("formatNumber", () => {
  it("uses the format when given", () => {
    expect(formatNumber(3, "%.3f", false, 0.1)).toBe("3.000");
  });
  it("writes integers as integers and floats with the step's decimals", () => {
    expect(formatNumber(7, null, true, 1)).toBe("7");
    expect(formatNumber(0.5, null, false, 0.01)).toBe("0.50");
    expect(formatNumber(2, null, false, 1)).toBe("2.0");
  });
  it("counts decimals", () => {
    expect(decimals(0.25)).toBe(2);
    expect(decimals(1e-7)).toBe(7);
    expect(decimals(3)).toBe(0);
  });
});
