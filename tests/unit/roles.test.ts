import { describe, expect, it } from "vitest";
import { buildActor, can, coversProvince, primaryRole, type Permission } from "../../src/domain/roles.js";

const family = buildActor({ userId: 1, grants: [], isAdmin: false });
const volunteer = buildActor({ userId: 2, grants: [{ role: "volunteer", provinces: ["tehran", "ardabil"] }], isAdmin: false });
const coordinator = buildActor({ userId: 3, grants: [{ role: "coordinator", provinces: [] }], isAdmin: false });
const admin = buildActor({ userId: 4, grants: [], isAdmin: true });

describe("roles", () => {
  it("everyone is family; grants add roles; admins come from configuration", () => {
    expect(family.roles).toEqual(["family"]);
    expect(volunteer.roles).toEqual(["family", "volunteer"]);
    expect(volunteer.provinces).toEqual(["ardabil", "tehran"]);
    expect(admin.roles).toEqual(["family", "admin"]);
    expect([family, volunteer, coordinator, admin].map(primaryRole)).toEqual(["family", "volunteer", "coordinator", "admin"]);
  });

  const permissions: Permission[] = ["team.invite.volunteer", "team.invite.coordinator", "team.list", "team.revoke", "petition.manage", "petition.export"];
  it.each(permissions)("%s is denied to families and volunteers, allowed to coordinators and admins", (permission) => {
    expect(can(family, permission)).toBe(false);
    expect(can(volunteer, permission)).toBe(false);
    expect(can(coordinator, permission)).toBe(true);
    expect(can(admin, permission)).toBe(true);
  });

  it("acting for every province is a permission of coordinators and admins; a volunteer covers only their own provinces", () => {
    expect([family, volunteer, coordinator, admin].map((actor) => can(actor, "province.all"))).toEqual([false, false, true, true]);
    expect(coversProvince(volunteer, "tehran")).toBe(true);
    expect(coversProvince(volunteer, "fars")).toBe(false);
    expect(coversProvince(family, "tehran")).toBe(false);
    expect(coversProvince(coordinator, "fars")).toBe(true);
    expect(coversProvince(admin, "fars")).toBe(true);
  });

  it("denies a permission it does not know", () => {
    expect(can(admin, "delete.everything" as Permission)).toBe(false);
  });
});
