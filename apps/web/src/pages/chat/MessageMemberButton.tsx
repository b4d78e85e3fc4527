// The "Message" button on a member's page: opens (or finds) the direct conversation with them.
import { useNavigate } from 'react-router-dom';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ConversationView } from '@mutuals/contracts';
import { chatKeys } from '../../api/chat';
import { api, errorMessage } from '../../api/client';
import { Button } from '../../components';
import type { MemberAction } from '../MemberPage';

function MessageMemberButton({ memberId, name }: { memberId: string; name: string }) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const open = useMutation({
    mutationFn: () => api.post<ConversationView>('/chat/conversations', { kind: 'direct', memberIds: [memberId] }),
    onSuccess: (conversation) => {
      void client.invalidateQueries({ queryKey: chatKeys.conversations() });
      navigate(`/chat/${conversation.id}`);
    },
  });
  return (
    <>
      <Button variant="secondary" busy={open.isPending || open.isSuccess} onClick={() => open.mutate()} aria-label={`Message ${name}`}>
        Message
      </Button>
      {open.error && (
        <span role="alert" className="field-error">
          {errorMessage(open.error)}
        </span>
      )}
    </>
  );
}

export const messageMemberAction: MemberAction = ({ profile, me, isSelf }) =>
  isSelf || !me ? null : <MessageMemberButton memberId={profile.id} name={profile.displayName} />;
