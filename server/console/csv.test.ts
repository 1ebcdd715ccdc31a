import { describe, expect, it } from "vitest";
import { toSafeCsv } from "./csv";

describe("toSafeCsv", () => {
  it("quotes separators and defuses cells a spreadsheet would run as formulas", () => {
    expect(toSafeCsv(["a", "b"], [["=1+1", "x,y"], ["+cmd", "-2"], ["@SUM(A1)", "\tz"], [-2, null], ['say "hi"', "ok"]])).toBe(
      ["a,b", "'=1+1,\"x,y\"", "'+cmd,'-2", "'@SUM(A1),'\tz", "-2,", '"say ""hi""",ok', ""].join("\r\n"),
    );
  });
});
