/**
 * Who may use what, in one table: every command, callback button prefix, main-menu button and
 * inline query of the bot, and the kinds of people allowed to use it. The role guard
 * (`requirePermission`) enforces it in the handlers; tests/e2e/access-matrix.test.ts walks the whole
 * table through the emulator and fails for anything registered in the bot that is missing here
 * (deny by default: a new command or button prefix must be added here before its test passes).
 */
export type Audience = "unknown" | "family" | "volunteerIn" | "volunteerOut" | "coordinator" | "admin";
export const AUDIENCES: readonly Audience[] = ["unknown", "family", "volunteerIn", "volunteerOut", "coordinator", "admin"];

const EVERYONE: readonly Audience[] = AUDIENCES;
/** Volunteers (of any province: the services narrow them to their own), coordinators, admins. */
const TEAM: readonly Audience[] = ["volunteerIn", "volunteerOut", "coordinator", "admin"];
const STAFF: readonly Audience[] = ["coordinator", "admin"];
const ADMINS: readonly Audience[] = ["admin"];
/**
 * Buttons that only mean something inside the conversation that sent them (registration steps,
 * pickers, confirmations): anyone may press, the conversation decides; outside it they are expired.
 */
const IN_CONVERSATION = EVERYONE;

export const COMMAND_ACCESS: Readonly<Record<string, readonly Audience[]>> = {
  start: EVERYONE,
  register: EVERYONE,
  mycases: EVERYONE,
  status: EVERYONE,
  petitions: EVERYONE,
  letter: EVERYONE,
  mydata: EVERYONE,
  deletemydata: EVERYONE,
  help: EVERYONE,
  language: EVERYONE,
  settings: EVERYONE,
  cancel: EVERYONE,
  case: TEAM,
  find: TEAM,
  stats: TEAM,
  /** The coordinator's desk (a Mini App); its server checks the role again at every request. */
  desk: TEAM,
  broadcast: TEAM,
  broadcasts: TEAM,
  newevent: TEAM,
  events: TEAM,
  export: STAFF,
  locations: STAFF,
  team: STAFF,
  invite: STAFF,
  managepetitions: STAFF,
  newpetition: STAFF,
  audit: ADMINS,
};

/** By `defineCallback` prefix. */
export const CALLBACK_ACCESS: Readonly<Record<string, readonly Audience[]>> = {
  // Anyone's own things: language, settings, their data, their cases, petitions, event answers.
  lang: EVERYONE,
  stg: EVERYONE,
  stgr: EVERYONE,
  stgc: EVERYONE,
  stgz: EVERYONE,
  myd: EVERYONE,
  myde: EVERYONE,
  myc: EVERYONE,
  pv: EVERYONE,
  ps: EVERYONE,
  pw: EVERYONE,
  pwc: EVERYONE,
  pa: EVERYONE,
  evr: EVERYONE,
  // Steps of conversations.
  rgc: IN_CONVERSATION,
  rgx: IN_CONVERSATION,
  rgy: IN_CONVERSATION,
  rgs: IN_CONVERSATION,
  rgk: IN_CONVERSATION,
  rgr: IN_CONVERSATION,
  invr: IN_CONVERSATION,
  csr: IN_CONVERSATION,
  csx: IN_CONVERSATION,
  evn: IN_CONVERSATION,
  bak: IN_CONVERSATION,
  bad: IN_CONVERSATION,
  bcx: IN_CONVERSATION,
  pcs: IN_CONVERSATION,
  psn: IN_CONVERSATION,
  psp: IN_CONVERSATION,
  psr: IN_CONVERSATION,
  psw: IN_CONVERSATION,
  psc: IN_CONVERSATION,
  pso: IN_CONVERSATION,
  pac: IN_CONVERSATION,
  plc: IN_CONVERSATION,
  prv: IN_CONVERSATION,
  prx: IN_CONVERSATION,
  // The team's work.
  cst: TEAM,
  evc: TEAM,
  eva: TEAM,
  bjc: TEAM,
  fpg: TEAM,
  fco: TEAM,
  ffm: TEAM,
  ffs: TEAM,
  cdp: STAFF,
  cdr: STAFF,
  loc: STAFF,
  pm: STAFF,
  pma: STAFF,
  pnew: STAFF,
  plx: STAFF,
  pf: STAFF,
  trev: STAFF,
  aud: ADMINS,
};

/** Main-menu buttons, by label key (the menu shows each only to those who may press it). */
export const MENU_ACCESS: Readonly<Record<string, readonly Audience[]>> = {
  "menu-register": EVERYONE,
  "menu-mycases": EVERYONE,
  "menu-status": EVERYONE,
  "menu-language": EVERYONE,
  "menu-settings": EVERYONE,
  "menu-help": EVERYONE,
  "menu-mydata": EVERYONE,
  "pet-menu-petitions": EVERYONE,
  "pet-menu-letter": EVERYONE,
  "menu-broadcast": TEAM,
  /** 📊 = /stats: volunteers see their provinces' figures, coordinators and admins all (the service scopes). */
  "menu-stats": TEAM,
  /** 🖥 = /desk. */
  "menu-desk": TEAM,
  "menu-team": STAFF,
  "menu-invite": STAFF,
  "pet-menu-manage": STAFF,
};

/**
 * One case of a province (the matrix uses a case registered in Ardabil; "volunteerIn" works for
 * Ardabil, "volunteerOut" for another province): who may open it and move its status. The
 * commands and buttons above let every volunteer in; the case service narrows them here.
 */
export const CASE_OF_A_PROVINCE_ACCESS: Readonly<Record<"open" | "move", readonly Audience[]>> = {
  /** `/case <reference>` */
  open: ["volunteerIn", "coordinator", "admin"],
  /** The status-move button (`cst`), also when forged with the case's id. */
  move: ["volunteerIn", "coordinator", "admin"],
};

export const INLINE_QUERY_ACCESS: Readonly<Record<string, readonly Audience[]>> = {
  /** "@bot" in any chat: open petitions to share. */
  petitions: EVERYONE,
};

export function mayUse(table: Readonly<Record<string, readonly Audience[]>>, name: string, audience: Audience): boolean {
  return table[name]?.includes(audience) ?? false;
}
