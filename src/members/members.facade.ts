import type { OrgsService } from '../orgs/index.js';
import type { ServiceDeps } from '../platform/deps.js';
import { type MembersDeps, readAccess, writeAccess } from './access.js';
import {
  addCertification,
  certificationsInForce,
  listCertifications,
  updateCertification,
} from './certifications.service.js';
import { socialBaseDashboard } from './dashboard.service.js';
import { addInspection, inspectionsDue, listInspections } from './inspections.service.js';
import {
  bulkCreateMembersIn,
  cardOf,
  changeStatus,
  changeStatusIn,
  createMember,
  exportMembers,
  getMember,
  insertMemberIn,
  listMembers,
  memberIdOf,
  memberNumbersByIds,
  memberRowsByIds,
  ownMember,
  recordConsent,
  statusHistory,
  updateMember,
  updateMemberIn,
  womenShareOfActiveMembers,
} from './members.service.js';
import {
  checkPlotGeometry,
  createPlot,
  createPlotIn,
  exportPlots,
  getPlot,
  listPlots,
  plotsGeoJson,
  updatePlot,
  upsertPlotIn,
  yearlyEstimateGrams,
} from './plots.service.js';
import {
  addStandingRule,
  inGoodStandingOn,
  listStandingRules,
  membersInGoodStanding,
  standing,
} from './standing.service.js';

/**
 * The members service as the composition root builds it (app.ts): the module-level functions of the
 * register, plots, certifications, inspections, good standing and the dashboard, with their deps bound.
 * Each function lives in its aggregate's file; this object only assembles them, so routes and other
 * domains keep calling `members.createMember(actor, slug, input)`.
 */
export function createMembersService(deps: ServiceDeps, orgs: OrgsService) {
  const d: MembersDeps = { ...deps, orgs };
  const bind =
    <A extends unknown[], R>(fn: (deps: MembersDeps, ...args: A) => R) =>
    (...args: A): R =>
      fn(d, ...args);
  return {
    // the register: members, status history, consents
    createMember: bind(createMember),
    getMember: bind(getMember),
    cardOf: bind(cardOf),
    ownMember: bind(ownMember),
    updateMember: bind(updateMember),
    listMembers: bind(listMembers),
    changeStatus: bind(changeStatus),
    statusHistory: bind(statusHistory),
    recordConsent: bind(recordConsent),
    exportMembers: bind(exportMembers),
    socialBaseDashboard: bind(socialBaseDashboard),
    // good standing
    standing: bind(standing),
    listStandingRules: bind(listStandingRules),
    addStandingRule: bind(addStandingRule),
    // plots
    createPlot: bind(createPlot),
    updatePlot: bind(updatePlot),
    listPlots: bind(listPlots),
    getPlot: bind(getPlot),
    plotsGeoJson: bind(plotsGeoJson),
    exportPlots: bind(exportPlots),
    checkPlotGeometry,
    // certifications and inspections
    listCertifications: bind(listCertifications),
    addCertification: bind(addCertification),
    updateCertification: bind(updateCertification),
    listInspections: bind(listInspections),
    addInspection: bind(addInspection),
    inspectionsDue: bind(inspectionsDue),
    // writes inside a caller's transaction (the import)
    readAccess: bind(readAccess),
    writeAccess: bind(writeAccess),
    insertMemberIn: bind(insertMemberIn),
    bulkCreateMembersIn: bind(bulkCreateMembersIn),
    updateMemberIn: bind(updateMemberIn),
    changeStatusIn: bind(changeStatusIn),
    createPlotIn: bind(createPlotIn),
    upsertPlotIn: bind(upsertPlotIn),
    // reads for other domains (also exported by name from index.ts)
    memberIdOf,
    memberRowsByIds,
    memberNumbersByIds,
    womenShareOfActiveMembers,
    certificationsInForce,
    yearlyEstimateGrams,
    inGoodStandingOn,
    membersInGoodStanding,
  };
}

export type MembersService = ReturnType<typeof createMembersService>;
