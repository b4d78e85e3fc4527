import { Injectable } from '@nestjs/common';
import { DomainEvents } from '@mutuals/core';
import type { AgreementState, AgreementView } from '@mutuals/contracts';
import type { AuthUser } from '@mutuals/identity';
import { MatchingErrors } from '../matching.errors';
import { PairAccess } from './pair-access';
import { AgreementDto, ConfirmAgreementDto } from './pair-care.dto';
import { MentorshipsRepository } from '../repositories/mentorships.repository';
import { PairCareRepository, type AgreementRow } from '../repositories/pair-care.repository';

/**
 * The mentoring agreement: after the first session the pair writes down how often and how they
 * meet, for how long, what each expects and what stays confidential; both confirm the same
 * version, and any edit asks the other side again. Coordinators learn only that it exists.
 */
@Injectable()
export class AgreementsService {
  constructor(
    private readonly repository: PairCareRepository,
    private readonly mentorships: MentorshipsRepository,
    private readonly access: PairAccess,
    private readonly events: DomainEvents,
  ) {}

  async get(caller: AuthUser, mentorshipId: string): Promise<AgreementState> {
    await this.access.of(caller, mentorshipId, { active: false });
    const [agreement, sessions] = await Promise.all([this.repository.agreement(mentorshipId), this.mentorships.sessionCount(mentorshipId)]);
    return { agreement: agreement && toView(agreement), canRecord: sessions > 0 };
  }

  async save(caller: AuthUser, mentorshipId: string, input: AgreementDto): Promise<AgreementView> {
    const { side, otherUserId } = await this.access.of(caller, mentorshipId);
    if ((await this.mentorships.sessionCount(mentorshipId)) === 0) {
      throw MatchingErrors.agreementTooEarly('The agreement is recorded after your first session together');
    }
    return this.events.transaction(async (unit) => {
      const row = await this.repository.saveAgreement(mentorshipId, side, caller.id, input, unit.manager);
      await unit.emit('mentoring.agreement.updated', { mentorshipId, updatedBy: caller.id, otherUserId, version: row.version });
      return toView(row);
    });
  }

  async confirm(caller: AuthUser, mentorshipId: string, input: ConfirmAgreementDto): Promise<AgreementView> {
    const { side } = await this.access.of(caller, mentorshipId);
    const row = await this.repository.transaction((manager) =>
      this.repository.confirmAgreement(mentorshipId, side, input.version, manager),
    );
    if (!row) throw MatchingErrors.agreementChanged('The agreement has changed since you read it: read it again before confirming');
    return toView(row);
  }
}

function toView(row: AgreementRow): AgreementView {
  return {
    meetingFrequency: row.meeting_frequency,
    meetingFormat: row.meeting_format,
    duration: row.duration,
    mentorExpectations: row.mentor_expectations,
    menteeExpectations: row.mentee_expectations,
    confidentiality: row.confidentiality,
    version: row.version,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at.toISOString(),
    mentorConfirmedAt: row.mentor_confirmed_at?.toISOString() ?? null,
    menteeConfirmedAt: row.mentee_confirmed_at?.toISOString() ?? null,
  };
}
