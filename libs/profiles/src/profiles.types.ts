/** A member as the matching engine sees them; the matching lib maps these to its candidates. */
export interface MatchingParticipant {
  userId: string;
  organisationId: string | null;
  sectors: string[];
  region: string | null;
  mentor: { offers: boolean; expertise: string[]; capacity: number; stageReached: string | null };
  mentee: { seeks: boolean; needs: string[]; stage: string | null };
}
