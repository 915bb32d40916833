import { describe, expect, it } from "vitest";
import { COUNTRY_CODES, COUNTRY_TIME_ZONES, canonicalTimeZone, countryFromName, effectiveTimeZone, zoneCityKey } from "../../src/domain/timeZones.js";

describe("time zones of the families' countries", () => {
  it("maps every country of the list to zones the platform knows", () => {
    for (const code of COUNTRY_CODES) {
      for (const zone of COUNTRY_TIME_ZONES[code]) expect(canonicalTimeZone(zone), `${code}: ${zone}`).toBe(zone);
    }
    expect(COUNTRY_TIME_ZONES.de).toEqual(["Europe/Berlin"]);
    expect(COUNTRY_TIME_ZONES.us.length).toBeGreaterThan(1);
  });

  it("reads a typed zone name in any case, and refuses unknown names and ambiguous abbreviations", () => {
    expect(canonicalTimeZone(" europe/berlin ")).toBe("Europe/Berlin");
    expect(canonicalTimeZone("America/Los Angeles")).toBe("America/Los_Angeles");
    expect(canonicalTimeZone("Europe/Atlantis")).toBeNull();
    expect(canonicalTimeZone("EST")).toBeNull();
    expect(canonicalTimeZone("برلین")).toBeNull();
    expect(canonicalTimeZone("")).toBeNull();
  });

  it("finds the country a family typed at registration, in Persian, English, Albanian or the country's own language", () => {
    expect(countryFromName("Deutschland")).toBe("de");
    expect(countryFromName(" آلمان ")).toBe("de");
    expect(countryFromName("Gjermania")).toBe("de");
    // Arabic letter forms and a missing diaeresis do not matter.
    expect(countryFromName("امريكا")).toBe("us");
    expect(countryFromName("Shqiperia")).toBe("al");
    expect(countryFromName("U.S.A.")).toBe("us");
    expect(countryFromName("Atlantis")).toBeNull();
  });

  it("falls back to the default zone when none was chosen or a stored one is unknown", () => {
    expect(effectiveTimeZone(undefined)).toBe("Asia/Tehran");
    expect(effectiveTimeZone(null, "Europe/Tirane")).toBe("Europe/Tirane");
    expect(effectiveTimeZone("Europe/Nowhere")).toBe("Asia/Tehran");
    expect(effectiveTimeZone("America/Toronto")).toBe("America/Toronto");
    expect(zoneCityKey("America/Los_Angeles")).toBe("los-angeles");
  });
});
