// Who hears of each step of a support application, under which kind, in what words: one table
// that the in-app feed (NotificationRules) and mail (MailRules) both read.
import type { SupportApplicationMoved } from '@mutuals/support';

export type SupportKind = 'support.review' | 'support.update' | 'support.assignment';

/** What one audience is told; the mail of that kind carries the same words. */
export interface SupportNotice {
  kind: SupportKind;
  userIds: string[];
  title: string;
  /** A paragraph saying what to do next. */
  body: string;
  detail: string | null;
  link: string;
}

export function supportAudiences(event: SupportApplicationMoved): SupportNotice[] {
  const { reference: ref, organisationName: org, detail } = event;
  const applicant = (title: string, body: string): SupportNotice => ({
    kind: 'support.update',
    userIds: [event.applicantId],
    title,
    body,
    detail,
    link: event.links.applicant,
  });
  const coordinators = (title: string, body: string): SupportNotice => ({
    kind: 'support.review',
    userIds: event.coordinatorIds,
    title,
    body,
    detail,
    link: event.links.coordinator,
  });
  const advisers = (title: string, body: string): SupportNotice => ({
    kind: 'support.assignment',
    userIds: event.adviserIds,
    title,
    body,
    detail,
    link: event.links.adviser,
  });
  const notices: SupportNotice[] = (() => {
    switch (event.step) {
      case 'submit':
        return [
          coordinators(
            `${org} applied for support (${ref})`,
            'Assess it against the rubric, then approve, decline or ask for more information.',
          ),
        ];
      case 'request-information':
        return [
          applicant(
            `More information asked about your application ${ref}`,
            'A coordinator asks for more before deciding. Answer in the application and submit it again.',
          ),
        ];
      case 'approve':
        return [
          applicant(
            `Your application ${ref} is approved`,
            'Adviser days are allocated to you; a delivery partner will be assigned to deliver them.',
          ),
        ];
      case 'decline':
        return [applicant(`Your application ${ref} is declined`, 'A coordinator could not approve it this time; their reasons follow.')];
      case 'assign':
        return [
          applicant(
            `Your support ${ref} is assigned to ${detail ?? 'a delivery partner'}`,
            'Their advisers will be in touch to start the work.',
          ),
          advisers(
            `New assignment: ${org} (${ref})`,
            'Your organisation is assigned this support. Log the days you deliver and upload the deliverables.',
          ),
        ];
      case 'days-logged':
        return [applicant(`Advice delivered on ${ref}`, 'An adviser logged the days delivered.')];
      case 'deliverable-added':
        return [applicant(`A new document for ${ref}`, 'An adviser uploaded a deliverable for you.')];
      case 'complete':
        return [
          applicant(
            `Your support ${ref} is delivered: please confirm and rate it`,
            'Confirm the work is complete and say how useful it was.',
          ),
        ];
      case 'confirm':
        return [
          coordinators(`${org} confirmed ${ref} delivered`, 'The support is closed; any days not delivered went back to the fund.'),
          advisers(`${org} confirmed ${ref} delivered`, 'The applicant confirmed the work and rated it.'),
        ];
      default:
        return [];
    }
  })();
  return notices.filter((n) => n.userIds.length > 0);
}
