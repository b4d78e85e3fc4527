// The support programme (issue 15): applications for funded professional advice, their
// assessment, the fund they are allocated from, and the delivery partners' advisers who deliver it.
// Money is in pence (integers, exact); days in half-day steps.
import type { EligibilityOutcome, EligibilityRequest } from './eligibility';
import type { IsoDateTime, Uuid } from './common';

/**
 * draft -> submitted -> (more-information-requested -> submitted)* -> approved | declined;
 * approved -> in-delivery (assigned to a delivery partner) -> delivered (the adviser) -> closed
 * (the applicant confirms and rates). The table of who may make each move is SUPPORT_TRANSITIONS.
 */
export type SupportApplicationStatus =
  'draft' | 'submitted' | 'more-information-requested' | 'approved' | 'declined' | 'in-delivery' | 'delivered' | 'closed';
export const SUPPORT_APPLICATION_STATUSES: readonly SupportApplicationStatus[] = [
  'draft',
  'submitted',
  'more-information-requested',
  'approved',
  'declined',
  'in-delivery',
  'delivered',
  'closed',
];

/** Who acts on an application: a member of the applying organisation, a coordinator, or an adviser of its partner. */
export type SupportActor = 'applicant' | 'coordinator' | 'adviser';

export type SupportMove = 'submit' | 'request-information' | 'approve' | 'decline' | 'assign' | 'complete' | 'confirm';

export interface SupportTransition {
  move: SupportMove;
  from: SupportApplicationStatus[];
  to: SupportApplicationStatus;
  by: SupportActor;
}

/** Every move an application can make, from where, to where, and who may make it. */
export const SUPPORT_TRANSITIONS: readonly SupportTransition[] = [
  { move: 'submit', from: ['draft', 'more-information-requested'], to: 'submitted', by: 'applicant' },
  { move: 'request-information', from: ['submitted'], to: 'more-information-requested', by: 'coordinator' },
  { move: 'approve', from: ['submitted'], to: 'approved', by: 'coordinator' },
  { move: 'decline', from: ['submitted', 'more-information-requested'], to: 'declined', by: 'coordinator' },
  { move: 'assign', from: ['approved'], to: 'in-delivery', by: 'coordinator' },
  { move: 'complete', from: ['in-delivery'], to: 'delivered', by: 'adviser' },
  { move: 'confirm', from: ['delivered'], to: 'closed', by: 'applicant' },
];

/** The programme's assessment criteria (shared/DOMAIN.md). */
export type SupportCriterion = 'eligibility' | 'readiness' | 'growth' | 'matchFunding';
export const SUPPORT_CRITERIA: readonly SupportCriterion[] = ['eligibility', 'readiness', 'growth', 'matchFunding'];

/** 0 not met, 1 weak, 2 adequate, 3 strong. Approval needs every criterion scored and none at 0. */
export interface SupportCriterionScore {
  score: 0 | 1 | 2 | 3;
  note: string;
}
export type SupportAssessmentInput = Record<SupportCriterion, SupportCriterionScore>;

export interface SupportAssessment {
  scores: SupportAssessmentInput;
  /** Sum of the four scores, out of 12. */
  total: number;
  /** Every criterion is at least 1. */
  approvable: boolean;
  assessedBy: { id: Uuid; displayName: string };
  assessedAt: IsoDateTime;
}

/** The fields an applicant writes; every one may be left empty in a draft, all are needed to submit. */
export interface SupportApplicationFields {
  /** Support-area slugs. */
  areas?: string[];
  /** What they need help with. */
  need?: string;
  /** The outcome they want. */
  outcome?: string;
  /** By when (YYYY-MM-DD). */
  byWhen?: string;
  /** How the support helps the organisation grow or diversify. */
  growthCase?: string;
  /** The cash match funding they bring, in pence (required, more than 0, to submit). */
  matchFundingPence?: number;
  /** Where the match funding comes from. */
  matchFundingSource?: string;
  /** Their eligibility check answers; the outcome is worked out again from them. */
  eligibility?: EligibilityRequest;
}
export type CreateSupportApplicationRequest = SupportApplicationFields;
export type UpdateSupportApplicationRequest = SupportApplicationFields;

export interface SupportAllocationInput {
  area: string;
  days: number;
}

export interface SupportAllocation {
  area: string;
  days: number;
  deliveredDays: number;
  dayRatePence: number;
  costPence: number;
}

export interface SupportDeliveryLog {
  id: Uuid;
  area: string;
  /** YYYY-MM-DD */
  date: string;
  days: number;
  note: string;
  adviser: { id: Uuid; displayName: string };
  createdAt: IsoDateTime;
}

export interface SupportDeliverable {
  id: Uuid;
  title: string;
  file: { id: Uuid; name: string; url: string; size: number; contentType: string };
  adviser: { id: Uuid; displayName: string };
  createdAt: IsoDateTime;
}

export interface SupportPartnerRef {
  id: Uuid;
  name: string;
  dayRatePence: number;
}

export interface SupportApplicationPermissions {
  edit: boolean;
  submit: boolean;
  assess: boolean;
  requestInformation: boolean;
  approve: boolean;
  decline: boolean;
  assign: boolean;
  log: boolean;
  complete: boolean;
  confirm: boolean;
}

export interface SupportApplicationView {
  id: Uuid;
  /** A short reference people can quote: SUP-1234. */
  reference: string;
  status: SupportApplicationStatus;
  organisation: { id: Uuid; name: string; kind: string; stage: string; region: string; sector: string };
  applicant: { id: Uuid; displayName: string };
  areas: string[];
  need: string;
  outcome: string;
  byWhen: string | null;
  growthCase: string;
  matchFundingPence: number;
  matchFundingSource: string;
  eligibility: { answers: EligibilityRequest | null; outcome: EligibilityOutcome | null; reasons: string[]; nextSteps: string[] };
  /** The coordinator's question when more information was requested. */
  informationRequest: string | null;
  declineReason: string | null;
  decisionNote: string | null;
  assessment: SupportAssessment | null;
  allocations: SupportAllocation[];
  /** What the approval committed against the fund. */
  allocatedPence: number;
  deliveredPence: number;
  partner: SupportPartnerRef | null;
  logs: SupportDeliveryLog[];
  deliverables: SupportDeliverable[];
  rating: number | null;
  feedback: string | null;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  submittedAt: IsoDateTime | null;
  decidedAt: IsoDateTime | null;
  assignedAt: IsoDateTime | null;
  deliveredAt: IsoDateTime | null;
  closedAt: IsoDateTime | null;
  /** What the caller may do now. */
  permissions: SupportApplicationPermissions;
  /** How the caller relates to it. */
  viewerRole: SupportActor;
}

export interface RequestSupportInformationRequest {
  message: string;
}
export interface DeclineSupportApplicationRequest {
  reason: string;
}
export interface ApproveSupportApplicationRequest {
  /** The delivery partner whose day rate prices the allocation (assigned later, or changed at assignment). */
  partnerId: Uuid;
  allocations: SupportAllocationInput[];
  note?: string;
}
export interface AssignSupportApplicationRequest {
  partnerId: Uuid;
}
export interface ConfirmSupportDeliveryRequest {
  /** 1 to 5. */
  rating: number;
  feedback: string;
}
export interface LogSupportDeliveryRequest {
  area: string;
  date: string;
  days: number;
  note: string;
}
export interface AddSupportDeliverableRequest {
  /** An upload of yours (POST /files, purpose attachment). */
  fileId: Uuid;
  title: string;
}

/** The fund: committed includes delivered; remaining = total - committed. */
export interface SupportFundView {
  totalPence: number;
  committedPence: number;
  deliveredPence: number;
  remainingPence: number;
  byArea: { area: string; name: string; allocatedDays: number; deliveredDays: number; committedPence: number; deliveredPence: number }[];
  byPartner: {
    partnerId: Uuid;
    name: string;
    allocatedDays: number;
    deliveredDays: number;
    committedPence: number;
    deliveredPence: number;
  }[];
  /** Applications in each state. */
  applications: Record<SupportApplicationStatus, number>;
  /** Mean rating of closed applications, null before any. */
  meanRating: number | null;
  updatedAt: IsoDateTime;
}
export interface UpdateSupportFundRequest {
  totalPence: number;
}

export interface SupportPartnerView extends SupportPartnerRef {
  region: string;
  description: string | null;
  advisers: { id: Uuid; displayName: string }[];
}
export interface CreateSupportPartnerRequest {
  name: string;
  region: string;
  dayRatePence: number;
  description?: string;
}
export interface AddSupportAdviserRequest {
  userId: Uuid;
}

/** GET /support/me: how the caller takes part in the programme (drives the web client's pages). */
export interface SupportRoleView {
  coordinator: boolean;
  adviser: { partner: SupportPartnerRef } | null;
  /** The organisation the caller applies for, from their profile. */
  organisation: { id: Uuid; name: string } | null;
}
