import { describe, expect, it } from "vitest";
import { fileSize, instructions, kindIcon, limitSize, middleEllipsis, typeList, wrongTypeMessage } from "./uploaderText";

describe("the uploader's words", () => {
  it("formats sizes as 1.67: a unit from half of it, one decimal", () => {
    expect(fileSize(1)).toBe("1.0B");
    expect(fileSize(301)).toBe("301.0B");
    expect(fileSize(800)).toBe("0.8KB");
    expect(fileSize(1536 * 1024)).toBe("1.6MB");
    expect(limitSize(200 * 1024 * 1024)).toBe("200MB");
    expect(limitSize(1024 * 1024, 1)).toBe("1.0MB");
  });

  it("lists the accepted types once each, in people's words", () => {
    expect(typeList([".csv", ".txt"])).toBe("CSV, TXT");
    expect(typeList(["image/*", "application/pdf", ".jpg", ".jpeg", ".tif", ".tiff"])).toBe("image, application/pdf, JPG, TIF");
    expect(instructions(200 * 1024 * 1024, [])).toBe("200MB per file");
    expect(instructions(1024 * 1024, [".csv"])).toBe("1MB per file • CSV");
  });

  it("cuts long names in the middle and picks icons by extension", () => {
    expect(middleEllipsis("short.csv")).toBe("short.csv");
    const cut = middleEllipsis("a_very_long_file_name_for_testing_purposes.csv");
    expect(cut).toHaveLength(20);
    expect(cut.startsWith("a_very_")).toBe(true);
    expect(cut.endsWith("es.csv")).toBe(true);
    expect(middleEllipsis("abcdefghijklmnopqrstuvwxyz")).toBe("abcdefgh...stuvwxyz");
    expect(kindIcon("DATA.CSV")).toBe("table_chart");
    expect(kindIcon("photo.png")).toBe("image");
    expect(kindIcon("x.unknown")).toBe("draft");
    expect(wrongTypeMessage({ name: "a.exe", type: "" })).toBe(".exe files are not allowed.");
  });
});
