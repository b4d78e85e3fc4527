import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** The SQL of what mentoring holds of one member: anonymised with their account, listed in their download. */
@Injectable()
export class MatchingMemberDataRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The programme's figures keep every request and mentorship (statuses, dates, outcomes,
   * ratings); the member's id in them becomes `pseudonym`, which points at nobody, and the words
   * they wrote go. Their open mentorships end early, freeing their mentors' places.
   */
  async anonymise(userId: string, pseudonym: string, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE mentor_load l SET active = l.active - x.n
         FROM (SELECT mentor_id, count(*)::int AS n FROM mentorships WHERE mentee_id = $1 AND status = 'active' GROUP BY mentor_id) x
        WHERE l.mentor_id = x.mentor_id`,
      [userId],
    );
    await manager.query('DELETE FROM mentor_load WHERE mentor_id = $1', [userId]);
    await this.anonymisePairCare(userId, pseudonym, manager);
    await manager.query(
      `UPDATE mentorships SET status = 'closed', closed_at = now(), closed_by = $1, outcome = 'ended-early'
        WHERE (mentee_id = $1 OR mentor_id = $1) AND status = 'active'`,
      [userId],
    );
    await manager.query(
      `UPDATE mentorships SET feedback = CASE WHEN closed_by = $1 THEN NULL ELSE feedback END,
              closed_by = CASE WHEN closed_by = $1 THEN $2 ELSE closed_by END,
              mentee_id = CASE WHEN mentee_id = $1 THEN $2 ELSE mentee_id END,
              mentee_fit_comment = CASE WHEN mentee_id = $1 THEN NULL ELSE mentee_fit_comment END,
              mentor_id = CASE WHEN mentor_id = $1 THEN $2 ELSE mentor_id END,
              mentor_fit_comment = CASE WHEN mentor_id = $1 THEN NULL ELSE mentor_fit_comment END
        WHERE mentee_id = $1 OR mentor_id = $1 OR closed_by = $1`,
      [userId, pseudonym],
    );
    await manager.query(`UPDATE mentorship_sessions SET notes = '', next_steps = NULL, logged_by = $2 WHERE logged_by = $1`, [
      userId,
      pseudonym,
    ]);
    await manager.query(
      `UPDATE mentoring_requests SET
              decided_at = CASE WHEN status = 'pending' THEN now() ELSE decided_at END,
              status = CASE WHEN status <> 'pending' THEN status WHEN mentee_id = $1 THEN 'withdrawn' ELSE 'declined' END,
              message = CASE WHEN mentee_id = $1 THEN '' ELSE message END,
              goals = CASE WHEN mentee_id = $1 THEN '{}' ELSE goals END,
              decline_reason = CASE WHEN mentor_id = $1 THEN NULL ELSE decline_reason END,
              mentee_id = CASE WHEN mentee_id = $1 THEN $2 ELSE mentee_id END,
              mentor_id = CASE WHEN mentor_id = $1 THEN $2 ELSE mentor_id END
        WHERE mentee_id = $1 OR mentor_id = $1`,
      [userId, pseudonym],
    );
    await manager.query('UPDATE matching_rounds SET created_by = NULL WHERE created_by = $1', [userId]);
  }

  /**
   * The pair's care records, while the mentorships still name the member (their side decides
   * which expectations are theirs): what they wrote goes, the figures (check-in scores, meetings
   * held) stay, and meetings still to come are cancelled.
   */
  private async anonymisePairCare(userId: string, pseudonym: string, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE mentoring_agreements a SET
              mentor_expectations = CASE WHEN m.mentor_id = $1 THEN '' ELSE a.mentor_expectations END,
              mentee_expectations = CASE WHEN m.mentee_id = $1 THEN '' ELSE a.mentee_expectations END,
              updated_by = CASE WHEN a.updated_by = $1 THEN $2 ELSE a.updated_by END
         FROM mentorships m WHERE m.id = a.mentorship_id AND (m.mentor_id = $1 OR m.mentee_id = $1)`,
      [userId, pseudonym],
    );
    await manager.query(
      `UPDATE mentoring_meetings SET status = 'cancelled', awaiting_user_id = NULL, updated_at = now()
        WHERE status IN ('proposed', 'scheduled')
          AND mentorship_id IN (SELECT id FROM mentorships WHERE mentor_id = $1 OR mentee_id = $1)`,
      [userId],
    );
    await manager.query(
      `UPDATE mentoring_meetings SET agenda = CASE WHEN proposed_by = $1 THEN NULL ELSE agenda END,
              proposed_by = CASE WHEN proposed_by = $1 THEN $2 ELSE proposed_by END,
              awaiting_user_id = CASE WHEN awaiting_user_id = $1 THEN NULL ELSE awaiting_user_id END
        WHERE proposed_by = $1 OR awaiting_user_id = $1`,
      [userId, pseudonym],
    );
    await manager.query(`UPDATE mentoring_check_ins SET comment = NULL, user_id = $2 WHERE user_id = $1`, [userId, pseudonym]);
    await manager.query(`UPDATE mentorship_changes SET before = NULL, after = NULL, changed_by = $2 WHERE changed_by = $1`, [
      userId,
      pseudonym,
    ]);
  }

  async exportOf(userId: string) {
    const [requests, mentorships, goals, sessions, agreements, meetings, checkIns] = await Promise.all([
      this.db.query(
        `SELECT id, CASE WHEN mentee_id = $1 THEN 'mentee' ELSE 'mentor' END AS role, status,
                CASE WHEN mentee_id = $1 THEN message END AS message, CASE WHEN mentee_id = $1 THEN goals END AS goals,
                CASE WHEN mentor_id = $1 THEN decline_reason END AS decline_reason, created_at, decided_at
           FROM mentoring_requests WHERE mentee_id = $1 OR mentor_id = $1 ORDER BY created_at`,
        [userId],
      ),
      this.db.query(
        `SELECT id, CASE WHEN mentee_id = $1 THEN 'mentee' ELSE 'mentor' END AS role, status, started_at, closed_at, outcome,
                CASE WHEN closed_by = $1 THEN rating END AS rating, CASE WHEN closed_by = $1 THEN feedback END AS feedback,
                CASE WHEN mentee_id = $1 THEN mentee_good_fit ELSE mentor_good_fit END AS good_fit,
                CASE WHEN mentee_id = $1 THEN mentee_fit_comment ELSE mentor_fit_comment END AS fit_comment
           FROM mentorships WHERE mentee_id = $1 OR mentor_id = $1 ORDER BY started_at`,
        [userId],
      ),
      this.db.query(
        `SELECT g.mentorship_id, g.title, g.status, g.created_at FROM mentorship_goals g JOIN mentorships m ON m.id = g.mentorship_id
          WHERE m.mentee_id = $1 OR m.mentor_id = $1 ORDER BY g.created_at`,
        [userId],
      ),
      this.db.query(
        `SELECT mentorship_id, held_at, duration_minutes, notes, next_steps, created_at FROM mentorship_sessions
          WHERE logged_by = $1 ORDER BY held_at`,
        [userId],
      ),
      this.db.query(
        `SELECT a.mentorship_id, a.meeting_frequency, a.meeting_format, a.duration, a.confidentiality,
                CASE WHEN m.mentor_id = $1 THEN a.mentor_expectations ELSE a.mentee_expectations END AS my_expectations,
                CASE WHEN m.mentor_id = $1 THEN a.mentor_confirmed_at ELSE a.mentee_confirmed_at END AS i_confirmed_at
           FROM mentoring_agreements a JOIN mentorships m ON m.id = a.mentorship_id
          WHERE m.mentor_id = $1 OR m.mentee_id = $1`,
        [userId],
      ),
      this.db.query(
        `SELECT g.mentorship_id, g.starts_at, g.duration_minutes, g.format, g.status, CASE WHEN g.proposed_by = $1 THEN g.agenda END AS agenda
           FROM mentoring_meetings g JOIN mentorships m ON m.id = g.mentorship_id
          WHERE m.mentor_id = $1 OR m.mentee_id = $1 ORDER BY g.starts_at`,
        [userId],
      ),
      this.db.query(
        `SELECT mentorship_id, due_at, answered_at, usefulness, relationship, wants_to_continue, comment FROM mentoring_check_ins
          WHERE user_id = $1 ORDER BY due_at`,
        [userId],
      ),
    ]);
    return { requests, mentorships, goals, sessionsLogged: sessions, agreements, meetings, checkIns };
  }
}
