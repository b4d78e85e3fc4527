// The "Message" button on a member's page: opens (or finds) the direct conversation with them.
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { ConversationView } from '@mutuals/contracts';
import { api, errorMessage } from '../../api/client';
import { Button } from '../../components';
import type { MemberAction } from '../MemberPage';

function MessageMemberButton({ memberId, name }: { memberId: string; name: string }) {
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function open() {
    setBusy(true);
    try {
      const conversation = await api.post<ConversationView>('/chat/conversations', { kind: 'direct', memberIds: [memberId] });
      navigate(`/chat/${conversation.id}`);
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  }
  return (
    <>
      <Button variant="secondary" busy={busy} onClick={open} aria-label={`Message ${name}`}>
        Message
      </Button>
      {error && <span role="alert" className="field-error">{error}</span>}
    </>
  );
}

export const messageMemberAction: MemberAction = ({ profile, me, isSelf }) =>
  isSelf || !me ? null : <MessageMemberButton memberId={profile.id} name={profile.displayName} />;
