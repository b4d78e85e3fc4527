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

  async exportOf(userId: string) {
    const [requests, mentorships, goals, sessions] = await Promise.all([
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
    ]);
    return { requests, mentorships, goals, sessionsLogged: sessions };
  }
}
